/**
 * "Quiet under abuse": a member whose mentions are refused (empty, too long, rate limited) hears why
 * once per window; further refusals in that window are only a reaction on their message, so spamming
 * mentions cannot make the bot spam the channel.
 */
export class RefusalGate {
  readonly #spokenAt = new Map<string, number>();
  readonly #windowMs: number;
  readonly #now: () => number;

  constructor(windowMs: number, now: () => number = Date.now) {
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /** True when this user may get a written refusal now; counts it if so. */
  speak(userId: string): boolean {
    const now = this.#now();
    const last = this.#spokenAt.get(userId);
    if (last !== undefined && now - last < this.#windowMs) return false;
    this.#spokenAt.set(userId, now);
    // Bounded by the users refused in the last window.
    if (this.#spokenAt.size > 1_000)
      for (const [user, at] of this.#spokenAt) if (now - at >= this.#windowMs) this.#spokenAt.delete(user);
    return true;
  }
}
