/** Statistics shared by every benchmark in the project (the knowledge-base bench and the Discord latency bench). */

/** The q-quantile (0..1) of samples, nearest-rank: always a value that was measured. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  return {
    p50: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    p99: quantile(samples, 0.99),
    max: quantile(samples, 1),
  };
}

/** One figure over several runs: the median, and the spread a reader should see beside it. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function spread(values: readonly number[]): Spread {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    runs: values.length,
  };
}

/** Heap in use after a full collection, in MB; exact only under node --expose-gc. */
export function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1_048_576;
}

/** Peak resident set size of this process so far, in MB. */
export const peakRssMB = (): number => process.resourceUsage().maxRSS / 1024;

/** Times `fn` once per input after a warm-up on the first `warmUp` inputs; milliseconds per call. */
export function timeEach<Q>(inputs: readonly Q[], fn: (q: Q) => unknown, warmUp = 20): number[] {
  for (const q of inputs.slice(0, warmUp)) fn(q);
  return inputs.map((q) => {
    const started = performance.now();
    fn(q);
    return performance.now() - started;
  });
}
