import { RELATIONS, type Edge } from './derive-relations.js';

/** One letter per relation in the table; src/core/lexicon/table.ts reads them back. */
export const RELATION_CODES = 'sdpmh';
/**
 * Lines of noun classes are keyed by the word after this mark (`=judge person`): words, not stems, and
 * the mark sorts before every letter, so they stay apart from the stems' lines in one sorted file.
 */
export const WORD_MARK = '=';

/**
 * The table file: a header line, then one line per key in code-unit order (so the reader can
 * binary-search the text without building anything): a stem then its related stems as
 * `<code><rank><stem>`, or `=word` then the classes of its common noun senses.
 */
export function formatTable(
  relations: ReadonlyMap<string, readonly Edge[]>,
  header: string,
  classes: ReadonlyMap<string, readonly string[]> = new Map(),
): string {
  const lines = [
    ...[...classes].map(([word, names]) => [`${WORD_MARK}${word}`, ...names].join(' ')),
    ...[...relations].map(([stem, edges]) =>
      [stem, ...edges.map((e) => `${RELATION_CODES[RELATIONS.indexOf(e.relation)]}${e.rank}${e.stem}`)].join(
        ' ',
      ),
    ),
  ];
  const key = (line: string): string => line.slice(0, line.indexOf(' ') >>> 0);
  lines.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return `${header}\n${lines.join('\n')}\n`;
}
