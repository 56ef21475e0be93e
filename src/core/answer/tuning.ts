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
  disagreementMargin: 1.5,
  /** …and each gives its value within about this nearness of the event word (see `nearChars`). */
  disagreementNear: 0.5,
  /**
   * …and, for dates, each within this many of the coarser of their units: reports of one event differ
   * by a day or two (time zones, "Saturday" against the filing date), a month or a year, while dates
   * further apart are different events of the same kind.
   */
  disagreementGap: { day: 7, month: 1, year: 1 },
  /** With no event asked ("how old is he?"), both values must sit this near the name asked about. */
  disagreementNearWithoutEvent: 0.9,
  /** An answering mention this many characters from the asked event word counts half as near. */
  nearChars: 40,
  /**
   * The type noun ("judge" in "which judge") brings its WordNet synonyms and derivations through senses
   * up to this rank (`WordNetLink.rank`, 1 = commonest) when the answer's nearness to it is measured.
   */
  typeNounSenses: 2,
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
    bias: 0,
    weights: [
      1.161, 1.655, 1.985, 1.192, -2.279, -0.627, 0.597, 3.589, 2.044, -4.108, 1.578, 2.199,
    ] as readonly number[],
  },
  /**
   * Added to a candidate's ranking logit, times its `Check.quoted` (the share of the question it holds as
   * one run of words, squared), on top of the fitted model; `--calibrate` does not refit it. A user who
   * remembers a sentence asks in its words: on `npm run bench`'s questions this brought the source
   * sentence among those shown from 97 / 88 / 82% to 100 / 95 / 91% of verbatim questions (SQuAD, State
   * of the Union, large base), and no set of `npm run eval` lost a right answer or abstention.
   */
  quotedRun: 5,
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
    bias: -5.161,
    weights: [
      0.645, 1.45, 0, 2.217, 0, -0.802, 0.211, 0.824, 0.553, 0, 0.808, 1.129, 0.454, 0,
    ] as readonly number[],
    /** Answer when the modelled probability is at least this. */
    threshold: 0.2,
  },
} as const;

export type Tuning = typeof TUNING;
