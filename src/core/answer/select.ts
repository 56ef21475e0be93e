import type { AnalysedQuestion } from './question.js';
import type { Scored } from './rerank.js';

/** A second sentence for the same part is added only when it scores nearly as well as the first… */
const RUNNER_UP_RATIO = 0.75;
/** …and only when both fit in this many characters, so answers stay short. */
const MAX_TWO_SENTENCE_CHARS = 500;

/**
 * Picks the sentences of the answer (passage numbers): the best one; for each further part of the
 * question ("… and where") the best sentence holding that part's kind unless one chosen already does;
 * and, for a one-part question, a close runner-up, since the top two hold the answer far more often
 * than the top one alone.
 */
export function selectSentences(
  question: AnalysedQuestion,
  ranked: readonly Scored[],
  lengthOf: (i: number) => number,
  minCoverage: number,
): number[] {
  const best = ranked[0]!;
  const chosen: Scored[] = [best];
  question.parts.forEach((_, k) => {
    if (k === 0 || chosen.some((s) => s.kinds[k])) return;
    const next = ranked.find((s) => s.kinds[k] && s.coverage >= minCoverage);
    if (next) chosen.push(next);
  });
  const runnerUp = ranked[1];
  if (
    question.parts.length === 1 &&
    runnerUp &&
    runnerUp.coverage >= minCoverage &&
    runnerUp.score >= RUNNER_UP_RATIO * best.score &&
    lengthOf(best.i) + lengthOf(runnerUp.i) <= MAX_TWO_SENTENCE_CHARS
  ) {
    chosen.push(runnerUp);
  }
  return chosen.map((s) => s.i);
}
