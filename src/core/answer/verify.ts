import type { SearchIndex } from '../search/search-index.js';
import { wordsOf, type Word } from '../text/words.js';
import type { EntityFacts } from './entities.js';
import { focusOf } from './focus.js';
import { REASON, MANNER } from './kinds.js';
import type { PartQuery } from './part-query.js';
import { proximity } from './proximity.js';
import { quotedRun } from './quoted-run.js';
import { TUNING } from './tuning.js';
import { byNearness, holdsType, nearness } from './typed.js';

/** What a reader checks before trusting a sentence as the answer to one part of a question. */
export interface Check {
  readonly i: number;
  /** Share of the part's (rarity-weighted) concepts in the sentence, or at a discount around it. */
  readonly coverage: number;
  /** Share of the part's concept weight found neither in the sentence nor around it. */
  readonly missing: number;
  /** Share of the event words (not the names, not the type noun) stated in the sentence itself. */
  readonly event: number;
  /**
   * Share of the part's concept weight that the knowledge base has never seen: English words that no
   * document uses, nor any word related to them ("how much bail" where no report mentions bail). The
   * same for every candidate of the part; the confidence model weighs it.
   */
  readonly unknown: number;
  /** Whether the part asks about an event at all ("where is he from?" names none: `event` is then 1). */
  readonly eventAsked: boolean;
  /** The sentence holds an answer of the asked type that the question does not already contain. */
  readonly typed: boolean;
  /** 1: names the focus; 0.6: its paragraph does and no one else is named; 0: unclear; -1: names someone else. */
  readonly focus: number;
  /** The question says "not" and the sentence does not, or the sentence negates the asked event and the question doesn't. */
  readonly negation: boolean;
  readonly proximity: number;
  /** 1 when the answering mention touches an event word of the question, falling with the distance. */
  readonly near: number;
  /** How much of the question the sentence holds as one run of its words (`quotedRun`). */
  readonly quoted: number;
  /**
   * The answer's values of the asked type, nearest the asked event first, to tell reports that differ
   * from reports that agree.
   */
  readonly values: readonly string[];
  /** Where each value stands in the sentence (character offsets), in the order of `values`. */
  readonly spans: readonly (readonly [number, number])[];
  /** What the ranking model reads, in the order of `RANK_FEATURES`. */
  readonly features: readonly number[];
  /** The ranking model's logit: how likely this sentence holds the answer, relative to the others. */
  readonly score: number;
  /**
   * The ranking model's probability that this sentence, rather than another candidate, holds the
   * answer (softmax over the question's candidates; set by the answerer once all are ranked).
   */
  readonly share: number;
}

/**
 * Terms a reader sees around a sentence: its title and heading, and the sentences of its paragraph
 * within `TUNING.contextSentences` of it (a long transcript paragraph is not all context).
 */
function contextTerms(index: SearchIndex, i: number): Set<string> {
  const out = new Set(index.labels(i));
  const reach = TUNING.contextSentences;
  const same = (j: number): boolean => index.sameParagraph(i, j);
  for (let j = i - 1; j >= i - reach && same(j); j--) for (const t of index.terms(j)) out.add(t);
  for (let j = i + 1; j <= i + reach && same(j); j++) for (const t of index.terms(j)) out.add(t);
  return out;
}

/** Whether a negation stands within three words before one of the given forms ("pleaded not guilty"). */
function negates(words: readonly Word[], forms: ReadonlySet<string>): boolean {
  let lastNegation = -10;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (w.negation) lastNegation = k;
    else if (k - lastNegation <= 3 && w.term !== undefined && forms.has(w.term)) return true;
  }
  return false;
}

/** What the ranking and confidence models read of a check, in this order (`Check.features`). */
export const RANK_FEATURES = [
  'coverage',
  'event',
  'typed',
  'focus',
  'other-entity',
  'negation',
  'proximity',
  'retrieval',
  'cue',
  'missing',
  'typed-near',
  'type-noun-near',
] as const;

/**
 * Which way each ranking feature may push, in the order of `RANK_FEATURES`: more of the question found,
 * the event stated, an answer of the asked type by it, the focus named → more likely right; another
 * person named, the negation missed, concepts missing → less. The fits keep each weight on its side
 * (or at 0): a weight of the wrong sign fits an accident of the development sets (two features that
 * move together) and extrapolates badly on a case file we have not seen.
 */
export const FEATURE_SIGNS: readonly (1 | -1)[] = [1, 1, 1, 1, -1, -1, 1, 1, 1, -1, 1, 1];

export interface LinearModel {
  readonly bias: number;
  readonly weights: readonly number[];
}

/**
 * Checks one candidate sentence against one part of the question: what of the question it holds, who
 * it is about (`focus.ts`), whether it holds an answer of the asked type (`typed.ts`) and how near that
 * sits to the asked event; then scores it with the ranking model.
 */
export function check(
  index: SearchIndex,
  i: number,
  q: PartQuery,
  facts: EntityFacts,
  retrieval: number,
  rank: LinearModel = TUNING.rank,
  /** Features held at a fixed value, for measuring what each is worth (`eval --ablate`). */
  fixed: ReadonlyMap<number, number> = new Map(),
): Check {
  const terms = index.terms(i);
  const own = new Set(terms);
  const around = contextTerms(index, i);
  let total = 0;
  let found = 0;
  let missing = 0;
  let eventTotal = 0;
  let eventFound = 0;
  const eventForms = new Set<string>();
  q.concepts.forEach((c, k) => {
    let inSentence = 0;
    let nearby = 0;
    for (const [form, credit] of c.forms) {
      if (own.has(form)) inSentence = Math.max(inSentence, credit);
      else if (around.has(form)) nearby = Math.max(nearby, credit);
    }
    total += c.weight;
    found += c.weight * Math.max(inSentence, nearby * TUNING.contextCredit);
    if (inSentence === 0 && nearby === 0) missing += c.weight;
    if (!q.focus.some((g) => g.includes(k)) && c.term !== q.part.typeTerm) {
      eventTotal += c.weight;
      eventFound += c.weight * inSentence;
      for (const form of c.forms.keys()) eventForms.add(form);
    }
  });
  const coverage = total > 0 ? found / total : 0;
  const event = eventTotal > 0 ? eventFound / eventTotal : 1;
  const focus = focusOf(index, i, q, own, around, facts);
  const text = index.passage(i).text;
  const words = wordsOf(text);
  const { typed, values, spans } = holdsType(index, i, q, words);
  const sentenceNegates = negates(words, eventForms);
  const negation = q.part.negated
    ? !sentenceNegates && !/\bnot\b|n't\b|\bnever\b/i.test(text)
    : sentenceNegates;
  const cue =
    q.part.kind === 'reason' ? REASON.test(text) : q.part.kind === 'manner' ? MANNER.test(text) : false;
  const hits = terms.map((t) => q.conceptOf.get(t) ?? -1);
  const closeness = proximity(hits);
  // With no event words ("how old is Dorokhov?") the answer should sit by the name asked about.
  const anchor = eventForms.size > 0 ? eventForms : q.focusForms;
  const near = nearness(words, spans, anchor);
  const ordered = byNearness(words, { values, spans }, anchor);
  const quoted = quotedRun(q.asked, text, words, q.conceptOf);
  const features = [
    coverage,
    event,
    typed ? 1 : 0,
    Math.max(focus, 0),
    focus < 0 ? 1 : 0,
    negation ? 1 : 0,
    closeness,
    retrieval,
    cue ? 1 : 0,
    total > 0 ? missing / total : 1,
    near,
    nearness(words, spans, q.typeForms),
  ];
  for (const [k, v] of fixed) features[k] = v;
  const score = rank.weights.reduce((z, w, k) => z + w * features[k]!, rank.bias);
  return {
    i,
    coverage,
    missing: total > 0 ? missing / total : 1,
    event,
    eventAsked: eventTotal > 0,
    unknown: q.unknown,
    typed,
    focus,
    negation,
    proximity: closeness,
    near,
    quoted,
    values: ordered.values,
    spans: ordered.spans,
    features,
    score,
    share: 1,
  };
}
