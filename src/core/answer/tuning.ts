/**
 * Every number the answerer is tuned by, in one place. The weights of the confidence model and the
 * abstention threshold are fitted by `npm run eval -- --calibrate` (logistic regression over the features
 * of `verify.ts`, threshold chosen by leaving one development set out at a time); the rest are
 * reasoned defaults, each checked by `npm run eval -- --ablate`.
 */
export const TUNING = {
  /** A concept found only next to the sentence (its neighbours in the paragraph, title, heading). */
  contextCredit: 0.5,
  /** How many sentences either side, within the paragraph, count as a sentence's context. */
  contextSentences: 4,
  /** A runner-up sentence joins a one-part answer only when its ranking logit is this close to the best's. */
  runnerUpMargin: 0.5,
  /** …and only when both fit in this many characters, so answers stay short. */
  maxTwoSentenceChars: 350,
  /** A part of a multi-part question reuses a sentence chosen for another part within this logit margin. */
  sharedSentenceMargin: 1,
  /** Two reports "differ" when their best sentences' ranking logits are this close and give different values. */
  disagreementMargin: 1,
  /** …and each gives its value within about this nearness of the event word (see `nearChars`). */
  disagreementNear: 0.5,
  /** An answering mention this many characters from the asked event word counts half as near. */
  nearChars: 40,
  /** A name-like term: this share of its occurrences is capitalised away from the sentence start. */
  nameCapitalShare: 0.7,
  /** A name that follows "in", "at", "from"… this often is a place, never the subject a pronoun means. */
  placeShare: 0.3,
  /** The knowledge base's main subject must appear in this many times more documents than the next. */
  mainSubjectLead: 1.5,
  /**
   * Logistic model of "this candidate sentence holds the answer", over `RANK_FEATURES` in `verify.ts`;
   * candidates are ranked by it. Fitted by `npm run eval -- --calibrate` like the confidence model.
   */
  rank: {
    bias: -5.971,
    weights: [
      -1.222, 1.223, 1.664, 0.984, 0.491, -1.052, 0.485, 4.414, 0.138, -2.02, 0.948,
    ] as readonly number[],
  },
  /**
   * Calibration picks the threshold with the best balanced accuracy (per set: the mean of right answers
   * and right abstentions, averaged over sets) among those that withhold at most this share of right answers.
   */
  lostAnswersBudget: 0.04,
  /**
   * Logistic model of "the best sentence answers the question", over its ranking features and its
   * ranking logit (`confidence.ts`). Fitted by `npm run eval -- --calibrate`; see the README for the held-out figures.
   */
  confidence: {
    bias: -6.807,
    weights: [
      3.925, 1.13, -0.465, 1.694, 0, -0.877, 0.579, 0.716, 1, 2.786, 0.912, -0.044,
    ] as readonly number[],
    /** Answer when the modelled probability is at least this. */
    threshold: 0.18,
  },
} as const;

export type Tuning = typeof TUNING;
