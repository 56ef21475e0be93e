import type { SearchIndex } from '../search/build-index.js';
import { termsOf } from '../text/terms.js';
import type { Concept } from './concepts.js';
import type { EntityFacts } from './entities.js';
import { holdsKind, REASON, MANNER, type TermSet } from './kinds.js';
import { proximity } from './proximity.js';
import { wordsOf, type Word } from '../text/words.js';
import type { QuestionPart } from './question.js';
import { TUNING } from './tuning.js';
import { relatedStems } from '../lexicon/related.js';
import { wordnetLinks } from '../lexicon/table.js';
import { relatedTermsOf } from './synonyms.js';

/** A typed mention as tagged at index time (`core/tag`). */
export interface TypedMention {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

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
  /** The answer's values of the asked type, to tell reports that differ from reports that agree. */
  readonly values: readonly string[];
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

export interface PartQuery {
  readonly part: QuestionPart;
  readonly concepts: readonly Concept[];
  readonly conceptOf: ReadonlyMap<string, number>;
  /** The entities the part is about, each as the indexes into `concepts` of its name words. */
  readonly focus: readonly (readonly number[])[];
  /** The knowledge base's main subject, when the question says "he" and names no one. */
  readonly implicitFocus?: string;
  /** Every term of the question and its forms: an answer must bring something new. */
  readonly questionTerms: TermSet;
}

const tagsOf = (index: SearchIndex, i: number): readonly TypedMention[] | undefined =>
  (index as { readonly tags?: readonly (readonly TypedMention[])[] }).tags?.[i];

/**
 * Terms a reader sees around a sentence: its title and heading, and the sentences of its paragraph
 * within `TUNING.contextSentences` of it (a long transcript paragraph is not all context).
 */
function contextTerms(index: SearchIndex, i: number): Set<string> {
  const out = new Set(index.labelTerms[i]);
  const reach = TUNING.contextSentences;
  const same = (j: number): boolean => index.sameParagraph(i, j);
  for (let j = i - 1; j >= i - reach && same(j); j--) for (const t of index.passageTerms[j]!) out.add(t);
  for (let j = i + 1; j <= i + reach && same(j); j++) for (const t of index.passageTerms[j]!) out.add(t);
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

/**
 * Whether a mention brings something the question does not already say. A mention that names the
 * entity asked about ("Roman Seleznev" for "which judge sentenced Seleznev") is the question's subject,
 * not its answer, even when it holds a word the question lacks.
 */
function isNew(text: string, questionTerms: TermSet, focus: ReadonlySet<string>): boolean {
  const terms = termsOf(text);
  if (terms.length === 0) return /\d/.test(text);
  return terms.some((t) => !questionTerms.has(t)) && !terms.some((t) => focus.has(t));
}

const SHAPED: ReadonlySet<string> = new Set(['age', 'percent']);

/** Types the tagger finds reliably: a sentence without one cannot answer "when", "how many", "how old"…. */
export const STRICT_TYPES: ReadonlySet<string> = new Set([
  'date',
  'duration',
  'money',
  'count',
  'age',
  'percent',
]);

interface Typed {
  readonly typed: boolean;
  readonly values: string[];
  /** Character offsets of the answering mentions, to see whether they sit by the asked event. */
  readonly spans: (readonly [number, number])[];
}

function holdsType(index: SearchIndex, i: number, q: PartQuery): Typed {
  const { part } = q;
  const text = index.passage(i).text;
  // Reasons and ways are told in too many forms to check; a cue word only helps the ranking.
  if (part.yesNo || part.kind === 'reason' || part.kind === 'manner' || part.accepts.length === 0) {
    return { typed: true, values: [], spans: [] };
  }
  const tags = tagsOf(index, i);
  const accepted = new Set<string>(part.accepts);
  const answering = (tags ?? []).filter(
    (m) => accepted.has(m.type) && isNew(text.slice(m.start, m.end), q.questionTerms, focusFormsOf(q)),
  );
  if (answering.length > 0) {
    return {
      typed: true,
      values: answering.map((m) => `${m.type}:${m.value}`),
      spans: answering.map((m) => [m.start, m.end] as const),
    };
  }
  // An age or a share is a number of a particular form ("Dorokhov, 36,", "aged 36", "45%"); any digits
  // will not do, so a tagged knowledge base that has none has none.
  if (tags && part.accepts[0] !== undefined && SHAPED.has(part.accepts[0]))
    return { typed: false, values: [], spans: [] };
  // What the tagger missed is still caught on the surface: capitals, digits, number words, month names.
  return { typed: holdsKind(text, part, q.questionTerms), values: [], spans: [] };
}

/** 1 when an answering mention touches an event word, falling with the characters between them. */
function nearness(
  words: readonly Word[],
  spans: readonly (readonly [number, number])[],
  anchor: ReadonlySet<string>,
): number {
  if (spans.length === 0 || anchor.size === 0) return 0;
  let best = Infinity;
  for (const w of words) {
    if (w.term === undefined || !anchor.has(w.term)) continue;
    for (const [a, b] of spans) best = Math.min(best, Math.max(0, a - w.end, w.start - b));
  }
  return best === Infinity ? 0 : 1 / (1 + best / TUNING.nearChars);
}

const focusForms = new WeakMap<PartQuery, ReadonlySet<string>>();

/** Every form of the part's focus, built once per part rather than once per candidate checked. */
function focusFormsOf(q: PartQuery): ReadonlySet<string> {
  let forms = focusForms.get(q);
  if (!forms) {
    const set = new Set<string>();
    for (const g of q.focus) for (const k of g) for (const form of q.concepts[k]!.forms.keys()) set.add(form);
    if (q.implicitFocus) set.add(q.implicitFocus);
    focusForms.set(q, (forms = set));
  }
  return forms;
}

const typeForms = new WeakMap<PartQuery, ReadonlySet<string>>();

/**
 * The noun that names the asked kind ("judge" in "which judge…") with its common WordNet synonyms and
 * derivations ("jurist"; "attorney" for "lawyer"): an answer is often set right beside it.
 */
function typeFormsOf(q: PartQuery): ReadonlySet<string> {
  let forms = typeForms.get(q);
  if (!forms) {
    const set = new Set<string>();
    const t = q.part.typeTerm;
    if (t !== undefined) {
      set.add(t);
      for (const r of relatedStems(t))
        if ((r.link === 'synonym' || r.link === 'derivation') && r.rank <= TUNING.typeNounSenses)
          set.add(r.stem);
    }
    typeForms.set(q, (forms = set));
  }
  return forms;
}

const unknownShares = new WeakMap<PartQuery, number>();

function unknownShare(index: SearchIndex, q: PartQuery): number {
  let share = unknownShares.get(q);
  if (share === undefined) {
    let total = 0;
    let unknown = 0;
    for (const c of q.concepts) {
      total += c.weight;
      // An English word (WordNet knows it) that no document uses, nor any word related to it; a word
      // WordNet does not know may be a misspelling, which the concept's corrections stand in for.
      const seen = (t: string): boolean => index.vocab.df.has(t);
      if (
        !seen(c.term) &&
        wordnetLinks(c.term).length > 0 &&
        !relatedTermsOf(c.term).some((r) => seen(r.term))
      )
        unknown += c.weight;
    }
    unknownShares.set(q, (share = total > 0 ? unknown / total : 0));
  }
  return share;
}

/** Who the sentence is about, relative to the question's focus. */
function focusOf(
  index: SearchIndex,
  i: number,
  q: PartQuery,
  own: ReadonlySet<string>,
  around: ReadonlySet<string>,
  facts: EntityFacts,
): number {
  const focusForms = focusFormsOf(q);
  if (focusForms.size === 0) return 1;
  type Has = (term: string) => boolean;
  const holds = (has: Has, k: number): boolean => [...q.concepts[k]!.forms.keys()].some(has);
  const named = (has: Has): boolean => q.focus.every((g) => g.some((k) => holds(has, k)));
  const direct = q.focus.length > 0 ? named((t) => own.has(t)) : own.has(q.implicitFocus!);
  if (direct) return 1;
  if (namesSomeoneElse(index, i, own, focusForms, q.questionTerms, facts)) return -1;
  // Each name may be found in either: "Civil rights leader Du Bois" in a list under a Harvard title.
  const inContext =
    q.focus.length > 0 ? named((t) => own.has(t) || around.has(t)) : around.has(q.implicitFocus!);
  if (inContext) return 0.6;
  // A sentence of a report about the focus that names no one else is about the focus: "He was
  // detained…", "Prosecutors had asked for a 30-year sentence."
  const passage = index.passage(i);
  const subject = facts.documentSubject.get(passage.documentId);
  if (subject !== undefined && focusForms.has(subject)) return 0.6;
  // "he" with no name in the question: the main subject, unless the sentence names someone else.
  return q.focus.length > 0 ? 0 : 0.6;
}

/**
 * Whether the sentence names another person the case file is about (a look-alike defendant), and not
 * the focus. With tags, only people count: "Secret Service agents" do not make a sentence about someone
 * else; without tags, any name that opens sentences of the knowledge base does.
 */
function namesSomeoneElse(
  index: SearchIndex,
  i: number,
  own: ReadonlySet<string>,
  focusForms: ReadonlySet<string>,
  questionTerms: TermSet,
  facts: EntityFacts,
): boolean {
  const rival = (t: string): boolean =>
    !focusForms.has(t) && !questionTerms.has(t) && (facts.subjects.get(t) ?? 0) >= 2;
  const tags = tagsOf(index, i);
  if (!tags) return [...own].some(rival);
  const text = index.passage(i).text;
  return tags.some((m) => m.type === 'person' && termsOf(text.slice(m.start, m.end)).some(rival));
}

/** Checks one candidate sentence against one part of the question. */
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
  const terms = index.passageTerms[i]!;
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
  const { typed, values, spans } = holdsType(index, i, q);
  const focus = focusOf(index, i, q, own, around, facts);
  const text = index.passage(i).text;
  const words = wordsOf(text);
  const sentenceNegates = negates(words, eventForms);
  const negation = q.part.negated
    ? !sentenceNegates && !/\bnot\b|n't\b|\bnever\b/i.test(text)
    : sentenceNegates;
  const cue =
    q.part.kind === 'reason' ? REASON.test(text) : q.part.kind === 'manner' ? MANNER.test(text) : false;
  const hits = terms.map((t) => q.conceptOf.get(t) ?? -1);
  const closeness = proximity(hits);
  // With no event words ("how old is Dorokhov?") the answer should sit by the name asked about.
  const anchor = eventForms.size > 0 ? eventForms : focusFormsOf(q);
  const near = nearness(words, spans, anchor);
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
    nearness(words, spans, typeFormsOf(q)),
  ];
  for (const [k, v] of fixed) features[k] = v;
  const score = rank.weights.reduce((z, w, k) => z + w * features[k]!, rank.bias);
  return {
    i,
    coverage,
    missing: total > 0 ? missing / total : 1,
    event,
    eventAsked: eventTotal > 0,
    unknown: unknownShare(index, q),
    typed,
    focus,
    negation,
    proximity: closeness,
    near,
    values,
    features,
    score,
    share: 1,
  };
}
