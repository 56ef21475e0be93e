export interface RateLimitOptions {
  /** Questions allowed per user within the window. */
  readonly count: number;
  readonly windowMs: number;
  /** Injectable clock, in milliseconds. */
  readonly now?: () => number;
}

export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

/** A sliding window per user: at most `count` questions in any `windowMs`. Pure apart from its own map. */
export class RateLimiter {
  readonly #hits = new Map<string, number[]>();
  readonly #options: RateLimitOptions;
  readonly #now: () => number;

  constructor(options: RateLimitOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Counts a question for `userId` if allowed; a refused question does not count. */
  take(userId: string): RateDecision {
    const now = this.#now();
    const since = now - this.#options.windowMs;
    const recent = (this.#hits.get(userId) ?? []).filter((at) => at > since);
    if (recent.length >= this.#options.count) {
      this.#hits.set(userId, recent);
      return { ok: false, retryAfterMs: (recent[0] ?? now) + this.#options.windowMs - now };
    }
    recent.push(now);
    this.#hits.set(userId, recent);
    this.#forgetIdle(since);
    return { ok: true };
  }

  // Keeps memory bounded by the users active in the last window, not everyone ever seen.
  #forgetIdle(since: number): void {
    if (this.#hits.size < 1_000) return;
    for (const [user, hits] of this.#hits) if ((hits.at(-1) ?? 0) <= since) this.#hits.delete(user);
  }
}
