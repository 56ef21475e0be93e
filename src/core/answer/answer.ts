import type { SearchIndex } from '../search/build-index.js';
import type { Answer } from '../types.js';
import { retrieveCandidates } from './candidates.js';
import { citationOf, composeAnswer } from './compose.js';
import { buildConcepts } from './concepts.js';
import { checkQuestion, MAX_QUESTION_CHARS, QUESTION_PROBLEM_TEXT } from './check-question.js';
import { analyseQuestion } from './question.js';
import { rerank, type Scored } from './rerank.js';

/** Below this share of the question's weight found in the best sentence, the documents don't say. */
export const MIN_COVERAGE = 0.4;
/** A second sentence for the same part is added only when it scores nearly as well as the first. */
const RUNNER_UP_RATIO = 0.75;
/** …and only when both fit in this many characters, so answers stay short. */
const MAX_TWO_SENTENCE_CHARS = 500;
export const NO_ANSWER = "The knowledge base doesn't answer that.";

const abstain = (index: SearchIndex, related: readonly Scored[]): Answer => ({
  answered: false,
  text: NO_ANSWER,
  citations: [],
  confidence: 0,
  related: related.slice(0, 3).map((s, k) => citationOf(index, s.i, k + 1)),
});

/**
 * Answers a question from the index with the documents' own sentences, each cited, or abstains when no
 * sentence covers enough of what was asked. Pure and deterministic: same index and question, same answer.
 *
 * ### Usage
 * ```ts
 * const a = answer(index, 'who detained Levashov and where');
 * if (a.answered) console.log(a.text, a.citations);
 * ```
 */
export interface AnswerOptions {
  /** Abstain when the best sentence covers less than this share of the question (default MIN_COVERAGE). */
  readonly minCoverage?: number;
}

export function answer(index: SearchIndex, question: string, options: AnswerOptions = {}): Answer {
  const minCoverage = options.minCoverage ?? MIN_COVERAGE;
  const checked = checkQuestion(question);
  if (!checked.ok)
    return {
      answered: false,
      text: QUESTION_PROBLEM_TEXT[checked.error],
      citations: [],
      confidence: 0,
      related: [],
    };
  const analysed = analyseQuestion(checked.value.slice(0, MAX_QUESTION_CHARS));
  const concepts = buildConcepts(analysed.terms, index.vocab, analysed.typeTerms);
  const ranked = rerank(index, analysed, concepts, retrieveCandidates(index, concepts));
  const best = ranked[0];
  if (!best || best.coverage < minCoverage)
    return abstain(
      index,
      ranked.filter((s) => s.coverage > 0),
    );

  // "How many …?" needs a number: well-covered sentences without one talk about the topic, not the count.
  const uncountable = analysed.parts.some(
    (part, k) => part.kind === 'number' && !ranked.some((s) => s.coverage >= minCoverage && s.kinds[k]),
  );
  if (uncountable) return abstain(index, ranked);
  const chosen = [best.i];
  // Each further part ("… and where") is answered by the best sentence holding its kind, unless the
  // first sentence already does.
  analysed.parts.forEach((_, k) => {
    if (k === 0 || chosen.some((i) => ranked.find((s) => s.i === i)?.kinds[k])) return;
    const next = ranked.find((s) => s.kinds[k] && s.coverage >= minCoverage);
    if (next) chosen.push(next.i);
  });
  // A close runner-up is as likely to hold the answer as the best; two short sentences still read quickly.
  const runnerUp = ranked[1];
  const length = (i: number): number => index.kb.passages[i]!.text.length;
  if (
    chosen.length === 1 &&
    runnerUp &&
    runnerUp.coverage >= minCoverage &&
    runnerUp.score >= RUNNER_UP_RATIO * best.score &&
    length(best.i) + length(runnerUp.i) <= MAX_TWO_SENTENCE_CHARS
  ) {
    chosen.push(runnerUp.i);
  }
  const { text, citations } = composeAnswer(index, chosen);
  return { answered: true, text, citations, confidence: Math.min(1, best.coverage), related: [] };
}
