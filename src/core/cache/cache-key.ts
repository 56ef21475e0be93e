import { createHash } from 'node:crypto';
import type { RawFile } from '../load/read-files.js';
import { termsOf } from '../text/terms.js';
import { synonymsOf } from '../answer/synonyms.js';
import { TAGGER_VERSION } from '../tag/version.js';

/** Bump when the saved index's layout changes. */
export const INDEX_FORMAT = 2;

// Terms of this probe change whenever normalisation, stop words, lemmas or stemming change, so a cache
// written by an older answerer never matches, even if nobody remembered to bump INDEX_FORMAT.
const PROBE =
  "Levashov's e-mails: the U.S. detained 100,000 Normans in café Jan. 5; don't they're running said held detention";

/** Identifies the answerer's version: format, term pipeline, synonym table and tagger. */
export function answererFingerprint(): string {
  const terms = termsOf(PROBE);
  return `${INDEX_FORMAT}|tagger ${TAGGER_VERSION}|${terms.join(' ')}|${terms.map((t) => synonymsOf(t).join(',')).join(';')}`;
}

/** A hash of every knowledge file (path and bytes) and the answerer: equal keys, equal index. */
export function cacheKey(files: readonly RawFile[]): string {
  const hash = createHash('sha256').update(answererFingerprint());
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    hash.update(`\0${file.path}\0${file.bytes.length}\0`).update(file.bytes);
  }
  return hash.digest('hex');
}
