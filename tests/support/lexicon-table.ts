import { ensureTable } from '../../scripts/lexicon/generate.js';

/**
 * The answerer reads WordNet relations from dist/lexicon/, which `npm run build` (hence `npm ci`) makes;
 * this makes or refreshes it when tests run in a checkout that was not built since the term pipeline
 * changed, so no test reads a stale or missing table.
 */
export default function setup(): void {
  ensureTable();
}
