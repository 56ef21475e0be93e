import type { Link } from './table.js';

/**
 * The numbers the lexicon is tuned by. Chosen by leaving one development set out at a time
 * (`npx tsx scripts/lexicon/tune.ts`, figures in the README): a setting is kept only when it helps the
 * held-out set, not just the sets it was chosen on.
 */
export const LEXICON_TUNING = {
  /**
   * Per kind of link, the largest sense rank kept (see `RelatedStem.rank`; 0 drops the kind). Rare senses
   * are what make WordNet noisy: "vacation" shares a stem with "vacate", whose senses relate it to
   * "resign" and "abandon"; keeping the commonest senses keeps "holiday" and drops those.
   */
  maxRank: { synonym: 2, derivation: 1, pertainym: 3, similar: 1, hypernym: 0 } satisfies Record<
    Link,
    number
  >,
  /** How fully a related stem counts in place of the question's word, per kind of link. */
  credit: {
    synonym: 0.7,
    derivation: 0.7,
    pertainym: 0.7,
    similar: 0.7,
    hypernym: 0.7,
    /** The few general equivalences WordNet lacks, listed in src/core/answer/synonyms.ts. */
    listed: 0.7,
  } satisfies Record<Link | 'listed', number>,
  /** At most this many related stems per question word: bounds question cost and the noise they bring. */
  maxRelated: 8,
};
