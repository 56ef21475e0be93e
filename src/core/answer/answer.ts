import type { SearchIndex } from '../search/build-index.js';
import type { Answer } from '../types.js';
import { retrieveCandidates } from './candidates.js';
import { citationOf, composeAnswer } from './compose.js';
import { buildConcepts } from './concepts.js';
import { analyseQuestion } from './question.js';
import { rerank, type Scored } from './rerank.js';

/** Below this share of the question's weight found in the best sentence, the documents don't say. */
export const MIN_COVERAGE = 0.5;
/** A second sentence for the same part is added only when it scores nearly as well as the first. */
const RUNNER_UP_RATIO = 0.9;
export const NO_ANSWER = "The knowledge base doesn't answer that.";
export const MAX_QUESTION_CHARS = 500;

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
export function answer(index: SearchIndex, question: string): Answer {
  const analysed = analyseQuestion(question.slice(0, MAX_QUESTION_CHARS));
  const concepts = buildConcepts(analysed.terms, index.vocab);
  const ranked = rerank(index, analysed, concepts, retrieveCandidates(index, concepts));
  const best = ranked[0];
  if (!best || best.coverage < MIN_COVERAGE) return abstain(index, ranked.filter((s) => s.coverage > 0));

  const chosen = [best.i];
  // Each further part ("… and where") is answered by the best sentence holding its kind, unless the
  // first sentence already does.
  analysed.parts.forEach((_, k) => {
    if (k === 0 || chosen.some((i) => ranked.find((s) => s.i === i)?.kinds[k])) return;
    const next = ranked.find((s) => s.kinds[k] && s.coverage >= MIN_COVERAGE);
    if (next) chosen.push(next.i);
  });
  // A close runner-up holding the asked-for kind where the best does not is likely the real answer.
  const runnerUp = ranked[1];
  if (chosen.length === 1 && runnerUp && !best.kinds[0] && runnerUp.kinds[0] && runnerUp.score >= RUNNER_UP_RATIO * best.score) {
    chosen.push(runnerUp.i);
  }
  const { text, citations } = composeAnswer(index, chosen);
  return { answered: true, text, citations, confidence: Math.min(1, best.coverage), related: [] };
}
