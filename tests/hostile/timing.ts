/**
 * Growth checks for the hostile-input suite. A stage is timed on an input of size n and of size 4n; a
 * linear stage takes about 4 times as long, a quadratic one 16 times, so the bar sits between (12x).
 * Wall-clock time on a shared CPU is noisy, so: n is raised until the small run lasts a couple of
 * milliseconds (below that a ratio is timer noise); each size is timed best-of-3 (the least disturbed
 * run); and a ratio over the bar is checked one size further (4n → 16n). A GC pause, a neighbour's burst
 * or the input outgrowing a CPU cache makes one step look steep; only superlinear growth makes both.
 */
export const GROWTH_LIMIT = 12;
const MEASURABLE_MS = 2;
const MAX_N = 16_000;

function bestOf3(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function timed<T>(fn: (input: T) => unknown, input: T): number {
  fn(input); // warm up the JIT and caches before timing
  return bestOf3(() => fn(input));
}

export interface Growth {
  readonly n: number;
  readonly times: readonly number[];
  /** The smaller of the two step ratios when the first is steep; else the first. */
  readonly ratio: number;
}

const step = (small: number, large: number): number =>
  large < MEASURABLE_MS ? 1 : large / Math.max(small, MEASURABLE_MS / 4);

/** How `fn`'s time grows from `make(n)` to `make(4n)` (and to `make(16n)` if that step is steep). */
export function growth<T>(fn: (input: T) => unknown, make: (n: number) => T, startN: number): Growth {
  let n = startN;
  let small = timed(fn, make(n));
  while (small < MEASURABLE_MS && n * 4 <= MAX_N) {
    n *= 4;
    small = timed(fn, make(n));
  }
  const large = timed(fn, make(4 * n));
  const first = step(small, large);
  if (first < GROWTH_LIMIT) return { n, times: [small, large], ratio: first };
  const larger = timed(fn, make(16 * n));
  return { n, times: [small, large, larger], ratio: Math.min(first, step(large, larger)) };
}
