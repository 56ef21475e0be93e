import { TUNING } from './tuning.js';
import { FEATURE_SIGNS, type Check } from './verify.js';

/**
 * The confidence model reads the ranking features of the best sentence, its share of the ranking (a
 * sentence far ahead of the others is more likely right than one of a crowd), and how much of the
 * question the knowledge base has never seen.
 */
export function featuresOf(c: Check): number[] {
  return [...c.features, c.share, c.unknown];
}

/**
 * The sides the confidence weights keep: `FEATURE_SIGNS`, then the share (further ahead, more likely
 * right), then the share of the question the knowledge base has never seen (more, less likely).
 */
export const CONFIDENCE_SIGNS: readonly (1 | -1)[] = [...FEATURE_SIGNS, 1, -1];

export interface ConfidenceModel {
  readonly bias: number;
  readonly weights: readonly number[];
  readonly threshold: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The modelled probability that the sentence answers the question part. */
export function confidenceOf(c: Check, model: ConfidenceModel = TUNING.confidence): number {
  const x = featuresOf(c);
  return sigmoid(x.reduce((z, v, k) => z + v * (model.weights[k] ?? 0), model.bias));
}
