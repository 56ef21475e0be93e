import type { AnalysedQuestion } from './question.js';
import type { Scored } from './rerank.js';

/** Below this share of the question's weight found in the best sentence, the documents don't say. */
export const MIN_COVERAGE = 0.4;

export type AbstainReason = 'nothing-close' | 'no-number' | 'none-named';

/**
 * Why the documents do not answer, or undefined when they may. Each rule looks only at the ranked
 * candidates, never at particular words of particular questions.
 */
export function whyAbstain(
  question: AnalysedQuestion,
  ranked: readonly Scored[],
  bestTerms: readonly string[],
  minCoverage: number,
): AbstainReason | undefined {
  const best = ranked[0];
  if (!best || best.coverage < minCoverage) return 'nothing-close';
  const covered = ranked.filter((s) => s.coverage >= minCoverage);
  const someHolds = (k: number): boolean => covered.some((s) => s.kinds[k]);
  // "How many …?" needs a number: well-covered sentences without one talk about the topic, not the count.
  if (question.parts.some((part, k) => part.kind === 'number' && !someHolds(k))) return 'no-number';
  // "Which prison …?" when the documents speak of prison only in general: they don't say which one.
  const unnamed = question.parts.some(
    (part, k) =>
      part.kind === 'named' &&
      part.typeTerm !== undefined &&
      bestTerms.includes(part.typeTerm) &&
      !someHolds(k),
  );
  return unnamed ? 'none-named' : undefined;
}
