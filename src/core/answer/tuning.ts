/**
 * Every number the answerer is tuned by, in one place. The weights of the confidence model and the
 * abstention threshold are fitted by `npm run eval -- --calibrate` (logistic regression over the features
 * of `features.ts`, threshold chosen by leaving one development set out at a time); the rest are
 * reasoned defaults, each checked by `npm run eval -- --ablate`.
 */
export const TUNING = {
  /** A concept found only next to the sentence (its neighbours in the paragraph, title, heading). */
  contextCredit: 0.5,
  /** A runner-up sentence joins a one-part answer only when its ranking logit is this close to the best's. */
  runnerUpMargin: 0.5,
  /** …and only when both fit in this many characters, so answers stay short. */
  maxTwoSentenceChars: 350,
  /** A part of a multi-part question reuses a sentence chosen for another part within this logit margin. */
  sharedSentenceMargin: 1,
  /** Two reports "differ" when their best sentences' ranking logits are this close and give different values. */
  disagreementMargin: 1,
  /** An answering mention this many characters from the asked event word counts half as near. */
  nearChars: 40,
  /** A name-like term: this share of its occurrences is capitalised away from the sentence start. */
  nameCapitalShare: 0.7,
  /** A name that follows "in", "at", "from"… this often is a place, never the subject a pronoun means. */
  placeShare: 0.3,
  /** The knowledge base's main subject must appear in this many times more documents than the next. */
  mainSubjectLead: 1.5,
  /**
   * Logistic model of "the best sentence answers the question", over the features in `features.ts`
   * (same order). Fitted by `npm run eval -- --calibrate`; see the README for the held-out figures.
   */
  /**
   * Logistic model of "this candidate sentence holds the answer", over `RANK_FEATURES` in `verify.ts`;
   * candidates are ranked by it. Fitted by `npm run eval -- --calibrate` like the confidence model.
   */
  rank: {
    bias: -4.776,
    weights: [0.452, 1.72, 1.087, 0.904, 0.278, -0.302, 0.473, 2.119, -0.057, -1.589, 1] as readonly number[],
  },
  /** Calibration picks the threshold that withholds at most this share of right answers (per set, on average). */
  lostAnswersBudget: 0.04,
  confidence: {
    bias: -4.542,
    weights: [4.307, 3.558, 0.278, 3.458, 0, -1.666, 1.298, -2.739, 0.783, 2.133, 0, 2.045] as readonly number[],
    /** Answer when the modelled probability is at least this. */
    threshold: 0.25,
  },
} as const;

export type Tuning = typeof TUNING;
