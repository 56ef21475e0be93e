import type { SearchIndex } from '../search/search-index.js';
import { termsOf } from '../text/terms.js';
import type { Word } from '../text/words.js';
import { holdsKind, type TermSet } from './kinds.js';
import type { PartQuery } from './part-query.js';
import { TUNING } from './tuning.js';
import { nounClasses } from '../lexicon/table.js';

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

const SHAPED: ReadonlySet<string> = new Set(['age', 'percent', 'money', 'count']);

/** Types the tagger finds reliably: a sentence without one cannot answer "when", "how many", "how old"…. */
export const STRICT_TYPES: ReadonlySet<string> = new Set([
  'date',
  'duration',
  'money',
  'count',
  'age',
  'percent',
]);

/** Whether a sentence holds an answer of the asked type, and which. */
export interface Typed {
  readonly typed: boolean;
  readonly values: string[];
  /** Character offsets of the answering mentions, to see whether they sit by the asked event. */
  readonly spans: (readonly [number, number])[];
}

/** A mention as the tagger found it at index time. */
type Mention = NonNullable<ReturnType<SearchIndex['mentions']>>[number];

/**
 * Words that make the figure after them a possibility rather than a fact: "faces up to 20 years",
 * "could be sentenced to 30 years", "if convicted". Charges state the most a court may give; a
 * question that does not ask for a maximum asks what it gave. ("may" and "would" are left out: "a
 * plant may use about 3600 cubic metres" states what is typical.)
 */
const HEDGE = /\b(?:could|faces?|facing|[Ii]f|up to|as (?:much|many) as|maximum)\b/;

/** "seven months after", "two weeks later": a duration that dates something else. */
const OFFSET = /^\s+(?:after|before|later|earlier|ago|into|since)\b/;

const PLACE_PREPOSITION = /\b(?:in|at|on|near|from|to|into|outside|inside|across|off|of|via)\s+(?:the\s+)?$/i;

/** Whether a common noun (one WordNet knows as a noun) follows the end of a mention: "U.S. accounts". */
function nounFollows(text: string, end: number): boolean {
  const next = /^\s+([a-z]+)/.exec(text.slice(end, end + 30))?.[1];
  return next !== undefined && nounClasses(next).length > 0;
}

/**
 * A mention of an accepted type that is still not the answer, and why. Each is general English about
 * where an answer stands in a sentence; `npm run eval` figures for each are in the commit that added it.
 */
function notTheAnswer(text: string, m: Mention, q: PartQuery, typeNouns: readonly Word[]): boolean {
  const { part } = q;
  // "Which prison", "what nickname": the answer names one of those, so it stands by the word
  // (within `TUNING.nearChars`); a place elsewhere in the sentence is about something else.
  if (part.kind === 'named' && q.typeForms.size > 0) {
    const byNoun = typeNouns.some((w) => Math.max(0, m.start - w.end, w.start - m.end) <= TUNING.nearChars);
    if (!byNoun) return true;
  }
  // "U.S. accounts of the arrest", "a Seattle restaurant": a place that modifies the noun after it, with
  // no preposition before it, says where nothing happened. ("The U.S. considered…": a verb follows, so
  // the place is the one acting.)
  if (
    part.kind === 'place' &&
    nounFollows(text, m.end) &&
    !PLACE_PREPOSITION.test(text.slice(Math.max(0, m.start - 15), m.start))
  )
    return true;
  // "Who arrested him": a country or city answers only as the one acting ("Israel extradited him");
  // "in Vladivostok" is where, and "U.S. accounts" modifies a noun.
  if (
    part.kind === 'person' &&
    m.type === 'place' &&
    (nounFollows(text, m.end) || PLACE_PREPOSITION.test(text.slice(Math.max(0, m.start - 15), m.start)))
  )
    return true;
  // "How long" asks a length; "seven months after the verdict" dates something else (it answers "when").
  if (part.kind === 'duration' && m.type === 'duration' && OFFSET.test(text.slice(m.end, m.end + 12)))
    return true;
  // A possibility, within `TUNING.nearChars` before the figure, unless the question asks for one.
  return !HEDGE.test(part.text) && HEDGE.test(text.slice(Math.max(0, m.start - TUNING.nearChars), m.start));
}

/**
 * Whether the sentence holds a mention of a type the part accepts that the question does not already
 * say: from the index's tags, or, for what the tagger misses, from the sentence's surface.
 */
export function holdsType(index: SearchIndex, i: number, q: PartQuery, words: readonly Word[]): Typed {
  const { part } = q;
  const text = index.passage(i).text;
  // Reasons and ways are told in too many forms to check; a cue word only helps the ranking.
  if (part.yesNo || part.kind === 'reason' || part.kind === 'manner' || part.accepts.length === 0) {
    return { typed: true, values: [], spans: [] };
  }
  const tags = index.mentions(i);
  const accepted = new Set<string>(part.accepts);
  const typeNouns =
    part.kind === 'named' ? words.filter((w) => w.term !== undefined && q.typeForms.has(w.term)) : [];
  const answering = (tags ?? []).filter(
    (m) =>
      accepted.has(m.type) &&
      isNew(text.slice(m.start, m.end), q.questionTerms, q.focusForms) &&
      !notTheAnswer(text, m, q, typeNouns),
  );
  if (answering.length > 0) {
    return {
      typed: true,
      values: answering.map((m) => `${m.type}:${m.value}`),
      spans: answering.map((m) => [m.start, m.end] as const),
    };
  }
  // An age, a share, a sum of money or a count is a number of a particular form ("Dorokhov, 36,",
  // "45%", "$53 million", "38 counts"); any digits will not do ("36 months" counts nothing), so a
  // tagged knowledge base that has none has none.
  if (tags && part.accepts[0] !== undefined && SHAPED.has(part.accepts[0]))
    return { typed: false, values: [], spans: [] };
  // What the tagger missed is still caught on the surface: capitals, digits, number words, month names.
  return { typed: holdsKind(text, part, q.questionTerms), values: [], spans: [] };
}

/**
 * The sentence's words that are words of `anchor`: found once per sentence, not once per span, as a
 * sentence of mail can hold hundreds of words and of tagged values.
 */
function anchorWords(words: readonly Word[], anchor: ReadonlySet<string>): Word[] {
  return words.filter((w) => w.term !== undefined && anchor.has(w.term));
}

/** Characters between a span and the nearest of `anchors` (Infinity when there is none). */
function gapTo(anchors: readonly Word[], [a, b]: readonly [number, number]): number {
  let best = Infinity;
  for (const w of anchors) best = Math.min(best, Math.max(0, a - w.end, w.start - b));
  return best;
}

/** 1 when an answering mention touches an event word, falling with the characters between them. */
export function nearness(
  words: readonly Word[],
  spans: readonly (readonly [number, number])[],
  anchor: ReadonlySet<string>,
): number {
  if (spans.length === 0 || anchor.size === 0) return 0;
  const anchors = anchorWords(words, anchor);
  // A loop, not Math.min(...): a hostile sentence can hold more values than a call takes arguments.
  let best = Infinity;
  for (const s of spans) best = Math.min(best, gapTo(anchors, s));
  return best === Infinity ? 0 : 1 / (1 + best / TUNING.nearChars);
}

/**
 * The answer's values and their spans, the one nearest the asked event (or name) first: a sentence
 * that gives several ("Moscow has always maintained the arrest…", "arrested by Secret Service agents …
 * in the Maldives") answers with the one set by the event, and only that one can contradict another
 * report's or must survive trimming.
 */
export function byNearness(
  words: readonly Word[],
  typed: Pick<Typed, 'values' | 'spans'>,
  anchor: ReadonlySet<string>,
): Pick<Typed, 'values' | 'spans'> {
  if (typed.spans.length < 2) return { values: typed.values, spans: typed.spans };
  const anchors = anchorWords(words, anchor);
  const order = typed.spans
    .map((s, k) => [k, gapTo(anchors, s)] as const)
    .sort((x, y) => x[1] - y[1])
    .map(([k]) => k);
  return { values: order.map((k) => typed.values[k]!), spans: order.map((k) => typed.spans[k]!) };
}
