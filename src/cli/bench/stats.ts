/** The q-quantile (0..1) of samples, nearest-rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

/** Heap in use after a full collection, in MB; needs node --expose-gc to be exact. */
export function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1_048_576;
}

/** Times `fn` once per question; returns milliseconds per call, after a short warm-up. */
export function timeEach<T>(questions: readonly string[], fn: (q: string) => T): number[] {
  for (const q of questions.slice(0, 20)) fn(q);
  return questions.map((q) => {
    const started = performance.now();
    fn(q);
    return performance.now() - started;
  });
}
