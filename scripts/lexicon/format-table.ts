import { RELATIONS, type Edge } from './derive-relations.js';

/** One letter per relation in the table; src/core/lexicon/table.ts reads them back. */
export const RELATION_CODES = 'sdpmh';

/**
 * The table file: a header line, then one line per stem in code-unit order (so the reader can
 * binary-search the text without building anything): `stem` then its related stems as `<code><rank><stem>`.
 */
export function formatTable(relations: ReadonlyMap<string, readonly Edge[]>, header: string): string {
  const stems = [...relations.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = stems.map((stem) =>
    [
      stem,
      ...relations
        .get(stem)!
        .map((e) => `${RELATION_CODES[RELATIONS.indexOf(e.relation)]}${e.rank}${e.stem}`),
    ].join(' '),
  );
  return `${header}\n${lines.join('\n')}\n`;
}
