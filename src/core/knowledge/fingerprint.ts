import { synonymsOf } from '../answer/synonyms.js';
import { TAGGER_VERSION } from '../tag/version.js';
import { TUNING } from '../answer/tuning.js';
import { termsOf } from '../text/terms.js';

/** Bump when the saved index's layout (IndexParts or the binary codec) changes. */
export const INDEX_FORMAT = 7;

// Terms of this probe change whenever normalisation, stop words, lemmas or stemming change, so a cache
// written by an older answerer never matches, even if nobody remembered to bump INDEX_FORMAT.
const PROBE =
  "Levashov's e-mails: the U.S. detained 100,000 Normans in café Jan. 5; don't they're running said held detention";

/** Identifies what turns knowledge files into an index: format, term pipeline, synonym table and tagger. */
export function indexFingerprint(): string {
  const terms = termsOf(PROBE);
  return `${INDEX_FORMAT}|tagger ${TAGGER_VERSION}|names ${TUNING.nameCapitalShare},${TUNING.placeShare},${TUNING.mainSubjectLead}|${terms.join(' ')}|${terms.map((t) => synonymsOf(t).join(',')).join(';')}`;
}
