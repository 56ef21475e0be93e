/**
 * Where the WordNet table lives: dist/lexicon/, made by `npm run build` (scripts/lexicon/generate.ts).
 * Both src/core/lexicon and dist/core/lexicon are three folders below the repository root, so the same
 * relative URL finds it from the sources (tests, tsx) and from the compiled code.
 */
export const TABLE_FILE = new URL('../../../dist/lexicon/wordnet-relations.txt', import.meta.url);
/** The table's first line starts with this, then the hash of what it was made from. */
export const TABLE_HEADER_PREFIX = '# casefile wordnet table ';
