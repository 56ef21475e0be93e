import type { Link } from './table.js';

/**
 * The numbers the lexicon and its use by the answerer are tuned by. The answerer's expansion was chosen
 * by leaving one development set out at a time (`npx tsx scripts/lexicon/tune.ts ../shared/eval ranks`,
 * figures in the README): a setting is kept only when it helps the held-out set, not just the sets it was
 * chosen on.
 */
export const LEXICON_TUNING = {
  /**
   * What `relatedStems` calls related: per kind of link, the largest sense rank kept (see
   * `WordNetLink.rank`). Rare senses are what make WordNet noisy: "vacation" shares a stem with "vacate",
   * whose senses relate it to "resign" and "abandon"; keeping the common senses keeps "holiday" only.
   */
  senses: { synonym: 2, derivation: 3, pertainym: 3, similar: 2, hypernym: 1 } satisfies Record<Link, number>,
  /** At most this many related stems per stem, strongest links and commonest stems first. */
  maxRelated: 24,
  /**
   * Which related stems a question word brings along as forms of its concept, and how fully each counts.
   * Per kind of link: the largest sense rank used (0: not used) and the credit. WordNet synonyms are off:
   * at every sense limit and credit tried they cost case-dev and Steam_engine more than they gave the
   * others (each held-out set but one chose them off), because the verifying answerer then finds a
   * question's words, in some sense, in sentences that do not answer it.
   */
  expansion: {
    maxRank: { synonym: 0, derivation: 1, pertainym: 3, similar: 1, hypernym: 0 } satisfies Record<
      Link,
      number
    >,
    credit: {
      synonym: 0.7,
      derivation: 0.7,
      pertainym: 0.7,
      similar: 0.7,
      hypernym: 0.7,
      /** The few general equivalences WordNet lacks, listed in src/core/answer/synonyms.ts; 0: not used. */
      listed: 0.7,
    } satisfies Record<Link | 'listed', number>,
    /** At most this many forms per question word: bounds question cost and the noise they bring. */
    maxTerms: 8,
  },
};
