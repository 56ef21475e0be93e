import type { ConfidenceModel } from '../answer/confidence.js';
import type { LinearModel } from '../answer/verify.js';

/** One checked best sentence: its features and whether it answers the question (1) or not (0). */
export interface Sample {
  readonly set: string;
  readonly x: readonly number[];
  readonly y: 0 | 1;
}

/** One question's outcome as a function of the threshold: answered when `p` ≥ threshold. */
export interface Decision {
  readonly set: string;
  readonly impossible: boolean;
  /** Modelled probability of the question's weakest answered part; undefined when no sentence passed the checks. */
  readonly x?: readonly number[];
  /** Whether the answer would be right if given. */
  readonly right: boolean;
}

/** Projected gradient descent: a weight that crosses to the wrong side stops at 0. */
const keepSide = (w: number, sign = 0): number => (sign > 0 ? Math.max(0, w) : sign < 0 ? Math.min(0, w) : w);

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const dot = (w: readonly number[], x: readonly number[]): number => x.reduce((s, v, k) => s + v * w[k]!, 0);

/**
 * Each feature's mean and standard deviation over the rows, and the map to standard units. Standardised
 * features make one step size right for all of them (a logit ranges over ±10, a share over 0..1); the
 * fits map their weights back to the raw features at the end.
 */
function standardise(rows: readonly (readonly number[])[]): {
  readonly mean: readonly number[];
  readonly sd: readonly number[];
  readonly z: (x: readonly number[]) => number[];
} {
  const dims = rows[0]?.length ?? 0;
  const mean = new Array<number>(dims).fill(0);
  const sd = new Array<number>(dims).fill(0);
  for (const x of rows) x.forEach((v, k) => (mean[k]! += v / rows.length));
  for (const x of rows) x.forEach((v, k) => (sd[k]! += (v - mean[k]!) ** 2 / rows.length));
  for (let k = 0; k < dims; k++) sd[k] = Math.sqrt(sd[k]!) || 1;
  return { mean, sd, z: (x) => x.map((v, k) => (v - mean[k]!) / sd[k]!) };
}

/** Each item's weight in a fit where every set weighs the same in total, whatever its size. */
function equalSetWeights<T extends { readonly set: string }>(items: readonly T[]): (item: T) => number {
  const sizes = new Map<string, number>();
  for (const item of items) sizes.set(item.set, (sizes.get(item.set) ?? 0) + 1);
  return (item) => 1 / (sizes.get(item.set)! * sizes.size);
}

/**
 * Logistic regression by batch gradient descent with a small L2 penalty. Each set weighs the same, so
 * the largest set does not decide the model alone. Deterministic: zero start, fixed steps.
 */
export function fitLogistic(
  samples: readonly Sample[],
  /** Per feature, the side its weight must stay on (1, -1) or 0 for either. */
  signs: readonly number[] = [],
  l2 = 0.001,
  steps = 1500,
  rate = 1,
): Omit<ConfidenceModel, 'threshold'> {
  const dims = samples[0]?.x.length ?? 0;
  const { mean, sd, z: standard } = standardise(samples.map((s) => s.x));
  const z = samples.map((s) => standard(s.x));
  const weightOf = equalSetWeights(samples);
  let bias = 0;
  const w = new Array<number>(dims).fill(0);
  for (let step = 0; step < steps; step++) {
    let gb = 0;
    const gw = new Array<number>(dims).fill(0);
    samples.forEach((s, n) => {
      const e = (sigmoid(bias + dot(w, z[n]!)) - s.y) * weightOf(s);
      gb += e;
      z[n]!.forEach((v, k) => (gw[k]! += e * v));
    });
    bias -= rate * gb;
    for (let k = 0; k < dims; k++) w[k] = keepSide(w[k]! - rate * (gw[k]! + l2 * w[k]!), signs[k]);
  }
  const raw = w.map((v, k) => v / sd[k]!);
  const rawBias = bias - raw.reduce((sum, v, k) => sum + v * mean[k]!, 0);
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  return { bias: round(rawBias), weights: raw.map(round) };
}

/** One question's candidate sentences, each with its ranking features and whether it holds the answer. */
export interface CandidateGroup {
  readonly set: string;
  readonly x: readonly (readonly number[])[];
  readonly y: readonly (0 | 1)[];
}

/**
 * The ranking model, fitted for what it is used for: choosing one sentence among a question's
 * candidates. Conditional logit (softmax over each question's candidates; the likelihood of the
 * candidates that hold the answer) by batch gradient descent with a small L2 penalty, each set weighing
 * the same. A pointwise fit would also learn which *questions* have good candidates, which is the
 * confidence model's job, and lets a feature that is common among all candidates (a retrieval score
 * near the top) outweigh the one that tells the right sentence from its neighbours. The bias is 0:
 * only differences between candidates of one question matter.
 */
export function fitRanking(
  groups: readonly CandidateGroup[],
  signs: readonly number[] = [],
  l2 = 0.001,
  steps = 1500,
  rate = 1,
): LinearModel {
  const usable = groups.filter((g) => g.y.some((v) => v === 1) && g.y.some((v) => v === 0));
  const dims = usable[0]?.x[0]?.length ?? 0;
  const { sd, z: standard } = standardise(usable.flatMap((g) => g.x));
  const z = usable.map((g) => g.x.map(standard));
  const weightOf = equalSetWeights(usable);
  const w = new Array<number>(dims).fill(0);
  for (let step = 0; step < steps; step++) {
    const gw = new Array<number>(dims).fill(0);
    usable.forEach((g, n) => {
      const scale = weightOf(g);
      const s = z[n]!.map((x) => dot(w, x));
      const top = Math.max(...s);
      const e = s.map((v) => Math.exp(v - top));
      const sumAll = e.reduce((a, b) => a + b, 0);
      const sumPos = e.reduce((a, b, j) => a + (g.y[j] === 1 ? b : 0), 0);
      z[n]!.forEach((x, j) => {
        // d(-log P(positives))/ds_j = p_j - q_j, q the softmax over the positives alone.
        const d = (e[j]! / sumAll - (g.y[j] === 1 ? e[j]! / sumPos : 0)) * scale;
        if (d !== 0) x.forEach((v, k) => (gw[k]! += d * v));
      });
    });
    for (let k = 0; k < dims; k++) w[k] = keepSide(w[k]! - rate * (gw[k]! + l2 * w[k]!), signs[k]);
  }
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  return { bias: 0, weights: w.map((v, k) => round(v / sd[k]!)) };
}

/**
 * Per set, the mean of the share of answerable questions answered right and the share of unanswerable
 * ones declined (balanced accuracy: a set with many unanswerable questions does not reward declining
 * everything); averaged over sets.
 */
export function accuracyAt(
  decisions: readonly Decision[],
  model: Omit<ConfidenceModel, 'threshold'>,
  threshold: number,
): number {
  const bySet = new Map<string, { right: number; n: number; declined: number; m: number }>();
  for (const d of decisions) {
    const answered = d.x !== undefined && sigmoid(model.bias + dot(model.weights, d.x)) >= threshold;
    const s = bySet.get(d.set) ?? { right: 0, n: 0, declined: 0, m: 0 };
    if (d.impossible) bySet.set(d.set, { ...s, declined: s.declined + (answered ? 0 : 1), m: s.m + 1 });
    else bySet.set(d.set, { ...s, right: s.right + (answered && d.right ? 1 : 0), n: s.n + 1 });
  }
  const shares = [...bySet.values()].map(
    (s) => (s.right / Math.max(1, s.n) + (s.m > 0 ? s.declined / s.m : 1)) / 2,
  );
  return shares.reduce((a, b) => a + b, 0) / Math.max(1, shares.length);
}

/** Per set, the share of right answers (at threshold 0) that the threshold would withhold; averaged over sets. */
export function lostAt(
  decisions: readonly Decision[],
  model: Omit<ConfidenceModel, 'threshold'>,
  threshold: number,
): number {
  const bySet = new Map<string, { lost: number; n: number }>();
  for (const d of decisions) {
    if (d.impossible) continue;
    const s = bySet.get(d.set) ?? { lost: 0, n: 0 };
    const lost = d.right && d.x !== undefined && sigmoid(model.bias + dot(model.weights, d.x)) < threshold;
    bySet.set(d.set, { lost: s.lost + (lost ? 1 : 0), n: s.n + 1 });
  }
  const shares = [...bySet.values()].map((s) => s.lost / s.n);
  return shares.reduce((a, b) => a + b, 0) / Math.max(1, shares.length);
}

/**
 * The threshold (on a 0.01 grid) that handles the most questions right on these sets, among those that
 * withhold at most `budget` of the right answers: a wrong answer is the worst outcome, but an answerer
 * that withholds right ones to avoid it is no use either.
 */
export function chooseThreshold(
  decisions: readonly Decision[],
  model: Omit<ConfidenceModel, 'threshold'>,
  budget: number,
): number {
  let best = 0;
  let bestAccuracy = -1;
  for (let t = 0; t < 1; t += 0.01) {
    if (lostAt(decisions, model, t) > budget) break;
    const a = accuracyAt(decisions, model, t);
    if (a > bestAccuracy + 1e-9) {
      best = Math.round(t * 100) / 100;
      bestAccuracy = a;
    }
  }
  return best;
}

/** Fits the model and its threshold on the given sets. */
export function calibrate(
  samples: readonly Sample[],
  decisions: readonly Decision[],
  budget: number,
  signs: readonly number[] = [],
): ConfidenceModel {
  const fitted = fitLogistic(samples, signs);
  return { ...fitted, threshold: chooseThreshold(decisions, fitted, budget) };
}
