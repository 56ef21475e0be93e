import { ok } from '../result.js';
import { withoutTags, type SearchIndex } from '../search/search-index.js';
import type { Answer } from '../types.js';
import { bindQuery, type BoundQuery } from './bound-query.js';
import { FIRST_STAGE, retrieveCandidates, type Candidate } from './candidates.js';
import { QUESTION_PROBLEM_TEXT } from './check-question.js';
import { citationOf, withMarker } from './compose.js';
import { formIndex } from './concepts.js';
import { confidenceOf, type ConfidenceModel } from './confidence.js';
import { entityFacts, type EntityFacts } from './entities.js';
import { disagreeing } from './disagreement.js';
import { missingText } from './missing.js';
import { readQuestion, type Query } from './query.js';
import type { QuestionPart } from './question.js';
import { trimToClauses } from './trim.js';
import { TUNING } from './tuning.js';
import { partQuery } from './part-query.js';
import { STRICT_TYPES } from './typed.js';
import { check, RANK_FEATURES, type Check, type LinearModel } from './verify.js';

export const NO_ANSWER = "The knowledge base doesn't answer that.";

/** Steps that `npm run eval -- --ablate` can switch off one at a time. */
export type Ablation =
  | 'typed-check'
  | 'focus-check'
  | 'event-check'
  | 'negation'
  | 'runner-up'
  | 'disagreement'
  | 'parts'
  | 'implicit-subject'
  | 'tags'
  | 'quoted-run';

export interface AnswerOptions {
  /** Steps switched off, for measuring what each is worth. */
  readonly ablate?: ReadonlySet<Ablation>;
  /** Another confidence model (calibration and cross-validation fit their own). */
  readonly model?: ConfidenceModel;
  /** Another ranking model, likewise. */
  readonly rank?: LinearModel;
  /** Called with every checked candidate of each part, best first (calibration fits the ranking on them). */
  readonly onRanked?: (part: number, ranked: readonly Check[]) => void;
  /** Called with the best check of each part and whether it passed verification (calibration reads it). */
  readonly onCheck?: (part: number, best: Check | undefined, passed: boolean) => void;
}

const notAnswered = (text: string, related: Answer['related'] = [], missing?: string): Answer => ({
  answered: false,
  text,
  citations: [],
  confidence: 0,
  related,
  ...(missing ? { missing } : {}),
});

interface PartResult {
  readonly part: QuestionPart;
  readonly ranked: readonly Check[];
  /** The best sentence that passes verification, with its modelled confidence. */
  readonly best?: { readonly check: Check; readonly p: number };
}

function answerPart(
  index: SearchIndex,
  part: QuestionPart,
  k: number,
  shared: {
    readonly bound: BoundQuery;
    readonly facts: EntityFacts;
    readonly pool: readonly Candidate[];
    readonly options: AnswerOptions;
  },
): PartResult {
  const { bound, facts, options } = shared;
  const { concepts } = bound;
  const ablate = options.ablate ?? new Set<Ablation>();
  const partTerms = new Set(part.terms);
  const keep = concepts.flatMap((c, j) =>
    partTerms.has(c.term) || bound.groups.some((g) => g.includes(j)) ? [j] : [],
  );
  const partConcepts = keep.map((j) => concepts[j]!);
  const renumber = new Map(keep.map((j, n) => [j, n]));
  const groups = ablate.has('focus-check')
    ? []
    : bound.groups.map((g) => g.flatMap((j) => (renumber.has(j) ? [renumber.get(j)!] : [])));
  const conceptOf = formIndex(partConcepts);
  const query = partQuery(index, {
    part: ablate.has('negation') ? { ...part, negated: false } : part,
    concepts: partConcepts,
    conceptOf,
    focus: groups.filter((g) => g.length > 0),
    ...(bound.implicitFocus && !ablate.has('focus-check') ? { implicitFocus: bound.implicitFocus } : {}),
    questionTerms: bound.conceptOf,
  });
  let pool = shared.pool;
  if (bound.question.parts.length > 1) {
    const own = retrieveCandidates(index, partConcepts, conceptOf);
    const seen = new Set(pool.map((c) => c.i));
    pool = [...pool, ...own.filter((c) => !seen.has(c.i))];
  }
  const best = Math.max(1e-9, ...pool.map((c) => c.score));
  const scored = pool
    .map((c) => check(index, c.i, query, facts, c.score / best, options.rank, fixedFeatures(ablate)))
    // A sentence holding the question's own words as written, in its order, is the one it quotes.
    .map((c) =>
      ablate.has('quoted-run') ? { ...c, quoted: 0 } : { ...c, score: c.score + TUNING.quotedRun * c.quoted },
    )
    .map((c) =>
      ablate.has('typed-check') || ablate.has('event-check') || ablate.has('negation')
        ? {
            ...c,
            ...(ablate.has('typed-check') ? { typed: true } : {}),
            ...(ablate.has('event-check') ? { event: 1 } : {}),
            ...(ablate.has('negation') ? { negation: false } : {}),
          }
        : c,
    )
    .sort((a, b) => b.score - a.score || a.i - b.i);
  // Each candidate's share of the ranking, as if the pool were always full: the places a small
  // knowledge base leaves empty count as more sentences like its weakest candidate, so a candidate is
  // not "far ahead of the others" only because there are few others.
  const top = scored[0]?.score ?? 0;
  const floor = scored.at(-1)?.score ?? 0;
  const empty = Math.max(0, FIRST_STAGE.candidates - scored.length) * Math.exp(floor - top);
  const mass = scored.reduce((sum, c) => sum + Math.exp(c.score - top), empty);
  const ranked = scored.map((c) => ({ ...c, share: Math.exp(c.score - top) / mass }));
  // A sentence must be about the entity asked about (it, its paragraph or, through "he", its report names
  // it) and never about someone else. A number or a date must be there when one is asked for; whether
  // a name or place is there is weighed by the models instead, as the tagger misses some of those.
  const strictType = part.accepts.length > 0 && part.accepts.every((t) => STRICT_TYPES.has(t));
  const passes = ranked.filter((c) => c.focus > 0 && (c.typed || !strictType));
  const first = passes[0];
  options.onRanked?.(k, ranked);
  options.onCheck?.(k, first ?? ranked[0], first !== undefined);
  if (!first) return { part, ranked };
  const p = confidenceOf(first, options.model);
  return { part, ranked, best: { check: first, p } };
}

/** The ranking features an ablation holds constant (indexes into `RANK_FEATURES`). */
function fixedFeatures(ablate: ReadonlySet<Ablation>): Map<number, number> {
  const fixed = new Map<number, number>();
  const at = (name: (typeof RANK_FEATURES)[number]): number => RANK_FEATURES.indexOf(name);
  if (ablate.has('typed-check'))
    fixed.set(at('typed'), 1).set(at('typed-near'), 0).set(at('type-noun-near'), 0);
  if (ablate.has('event-check')) fixed.set(at('event'), 1);
  if (ablate.has('negation')) fixed.set(at('negation'), 0);
  if (ablate.has('focus-check')) fixed.set(at('focus'), 1).set(at('other-entity'), 0);
  return fixed;
}

const sumScore = (results: readonly PartResult[], i: number): number =>
  results.reduce((sum, r) => sum + (r.ranked.find((c) => c.i === i)?.score ?? -Infinity), 0);

function runnerUp(
  result: PartResult,
  lengthOf: (i: number) => number,
  model: ConfidenceModel,
): Check | undefined {
  const best = result.best?.check;
  if (!best) return undefined;
  const next = result.ranked.find((c) => c.i !== best.i && c.typed && c.focus > 0);
  if (
    next &&
    next.score >= best.score - TUNING.runnerUpMargin &&
    confidenceOf(next, model) >= model.threshold &&
    lengthOf(best.i) + lengthOf(next.i) <= TUNING.maxTwoSentenceChars
  ) {
    return next;
  }
  return undefined;
}

/**
 * Answers a question from the index with the documents' own sentences, each cited, after checking that
 * each sentence really answers: it holds an answer of the asked type that the question doesn't already
 * contain, it is about the entity asked about, and it states the asked event. A part that no sentence
 * answers is said to be missing; when two reports give different answers, both are shown.
 * Pure and deterministic: same index and question, same answer. A question given as text is checked
 * and analysed here; a `Query` from `readQuestion` has been already and is taken as it is.
 *
 * ### Usage
 * ```ts
 * const a = answer(index, 'who detained Levashov and where');
 * if (a.answered) console.log(a.text, a.citations);
 * ```
 */
export function answer(tagged: SearchIndex, question: string | Query, options: AnswerOptions = {}): Answer {
  const read = typeof question === 'string' ? readQuestion(question) : ok(question);
  if (!read.ok) return notAnswered(QUESTION_PROBLEM_TEXT[read.error]);
  const query = read.value;
  const ablate = options.ablate ?? new Set<Ablation>();
  const index = ablate.has('tags') ? withoutTags(tagged) : tagged;
  const model = options.model ?? TUNING.confidence;

  const facts = entityFacts(index);
  const bound = bindQuery(index, query, {
    parts: !ablate.has('parts'),
    implicitSubject: !ablate.has('implicit-subject'),
  });
  const { question: analysed, concepts, conceptOf } = bound;
  const pool = retrieveCandidates(index, concepts, conceptOf);
  const shared = { bound, facts, pool, options };
  const results = analysed.parts.map((part, k) => answerPart(index, part, k, shared));

  // Each sentence is trimmed around the answers it was chosen for: its value nearest the asked event
  // for every part it answers best.
  const keepOf = (i: number): (readonly [number, number])[] =>
    results.flatMap((r) => {
      const span = r.best?.check.i === i ? r.best.check.spans[0] : r.ranked.find((c) => c.i === i)?.spans[0];
      return span ? [span] : [];
    });
  const rendered = new Map<number, string>();
  const render = (i: number): string => {
    let text = rendered.get(i);
    if (text === undefined) {
      text = trimToClauses(index.passage(i).text, concepts, analysed.parts, conceptOf, keepOf(i));
      rendered.set(i, text);
    }
    return text;
  };
  const answeredParts = results.filter((r) => r.best && r.best.p >= model.threshold);
  const related = (): Answer['related'] =>
    (results[0]?.ranked ?? [])
      .filter((c) => c.coverage > 0)
      .slice(0, 3)
      .map((c, n) => citationOf(index, c.i, n + 1));
  if (answeredParts.length === 0) {
    const missing = missingText(
      query.text,
      results.map((r) => r.part),
      results.length,
    );
    return notAnswered(`${NO_ANSWER} ${missing}`, related(), missing);
  }

  // Sentences in the order of the parts they answer; a sentence answering two parts is shown once.
  const chosen: number[] = [];
  const add = (i: number): void => {
    if (!chosen.includes(i)) chosen.push(i);
  };
  let differ = false;
  if (results.length === 1) {
    const only = answeredParts[0]!;
    const other = ablate.has('disagreement') ? undefined : disagreeing(index, only, model);
    add(only.best!.check.i);
    if (other) {
      add(other.i);
      differ = true;
    } else if (!ablate.has('runner-up')) {
      const next = runnerUp(only, (i) => render(i).length, model);
      if (next) add(next.i);
    }
  } else {
    // One sentence that answers every part reads better than one per part: it is used when it passes
    // each part's checks nearly as well as that part's own best.
    const near = (r: PartResult, i: number): Check | undefined =>
      r.ranked.find(
        (c) =>
          c.i === i && c.typed && c.focus > 0 && c.score >= r.best!.check.score - TUNING.sharedSentenceMargin,
      );
    const together = answeredParts[0]!.ranked
      .filter((c) => answeredParts.every((r) => near(r, c.i)))
      .sort((a, b) => sumScore(answeredParts, b.i) - sumScore(answeredParts, a.i) || a.i - b.i)[0];
    if (together) add(together.i);
    else for (const r of answeredParts) add(r.best!.check.i);
  }
  // A lead-in ("The counts of conviction are:") says nothing by itself: what it introduces follows.
  for (const i of [...chosen]) {
    const passage = index.passage(i);
    const next = i + 1 < index.passageCount ? index.passage(i + 1) : undefined;
    const leadsIn = /:\s*$/.test(passage.text);
    if (leadsIn && next?.documentId === passage.documentId && !chosen.includes(i + 1))
      chosen.splice(chosen.indexOf(i) + 1, 0, i + 1);
  }
  const citations = chosen.map((i, n) => citationOf(index, i, n + 1));
  const sentences = chosen.map((i, n) => withMarker(render(i), n + 1)).join(' ');
  const unanswered = results.filter((r) => !answeredParts.includes(r)).map((r) => r.part);
  const missing = unanswered.length > 0 ? missingText(query.text, unanswered, results.length) : undefined;
  const text = [differ ? 'Reports differ:' : '', sentences, missing ?? ''].filter(Boolean).join(' ');
  const confidence = Math.min(...answeredParts.map((r) => r.best!.p));
  return {
    answered: true,
    text,
    citations,
    confidence,
    related: [],
    ...(missing ? { missing } : {}),
    ...(differ ? { differ: true } : {}),
  };
}
