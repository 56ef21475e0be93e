import { TUNING } from './tuning.js';
import type { Check } from './verify.js';

/** The confidence model reads the ranking features of the best sentence and its ranking logit. */
export function featuresOf(c: Check): number[] {
  return [...c.features, c.score];
}

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
