import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEMMAS } from '../text/lemmas.js';
import { TABLE_FILE } from './table-file.js';

/** How WordNet links two stems; `hypernym` (a specific word to its general one) is tuned apart. */
export type Link = 'synonym' | 'derivation' | 'pertainym' | 'similar' | 'hypernym';

export interface WordNetLink {
  readonly stem: string;
  readonly link: Link;
  /**
   * How common the senses carrying the link are: the larger of the two stems' ranks of those senses among
   * all senses of the stem's words by WordNet tag count (1 = the sense people mostly mean).
   */
  readonly rank: number;
}

const LINK_OF: Record<string, Link> = {
  s: 'synonym',
  d: 'derivation',
  p: 'pertainym',
  m: 'similar',
  h: 'hypernym',
};

let loaded: string | undefined;

/**
 * The table's text from its header's end: "\nline\nline…\nline\n". Read once, on first use (a few
 * milliseconds for a few megabytes); nothing is parsed.
 */
function tableText(): string {
  if (loaded === undefined) {
    let text: string;
    try {
      text = readFileSync(TABLE_FILE, 'latin1'); // ASCII only: one byte per character, no decoding
    } catch {
      throw new Error(`The WordNet table ${fileURLToPath(TABLE_FILE)} is missing: run \`npm run build\`.`);
    }
    loaded = text.slice(text.indexOf('\n'));
  }
  return loaded;
}

/** Reads the table now rather than at the first question (the bot calls this at start). */
export function loadWordNetTable(): void {
  tableText();
}

/**
 * The table's line for `stem`, found by binary search over the sorted lines of the table's text: nothing
 * is parsed or built at start, and a lookup costs about log2(50 000) ≈ 16 line comparisons.
 */
function lineOf(stem: string): string | undefined {
  const table = tableText();
  let lo = 1; // a line start
  let hi = table.length - 1; // a line end, exclusive: lines starting before it are candidates
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = table.lastIndexOf('\n', mid - 1) + 1;
    const lineEnd = table.indexOf('\n', mid);
    const keyEnd = table.indexOf(' ', start);
    const key = table.slice(start, keyEnd >= 0 && keyEnd < lineEnd ? keyEnd : lineEnd);
    if (key === stem) return table.slice(start, lineEnd);
    if (key < stem) lo = lineEnd + 1;
    else hi = start;
  }
  return undefined;
}

/** Every stem WordNet relates to `stem`, strongest relation first, then commonest sense, then by stem. */
export function wordnetLinks(stem: string): WordNetLink[] {
  const line = lineOf(stem);
  if (!line) return [];
  return line
    .split(' ')
    .slice(1)
    .flatMap((entry) => {
      const link = LINK_OF[entry[0]!];
      return link ? [{ stem: entry.slice(2), link, rank: Number(entry[1]) }] : [];
    });
}

/**
 * What kind of thing a noun names in the senses people mostly mean by it, as WordNet files them
 * ("person", "location", "group", "time", "artifact"…); empty for a word WordNet lacks. A plural is
 * read as its singular ("judges" → "judge") when WordNet has no entry for the plural itself.
 */
export function nounClasses(word: string): string[] {
  const forms = [
    word,
    LEMMAS.get(word),
    word.replace(/ies$/, 'y'),
    word.replace(/s$/, ''),
    word.replace(/es$/, ''),
  ];
  for (const form of forms) {
    if (!form || form.length < 2) continue;
    const line = lineOf(`=${form}`);
    if (line) return line.split(' ').slice(1);
  }
  return [];
}
