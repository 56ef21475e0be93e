interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
}

/**
 * An append-only log that tests can also await.
 *
 * Each entry is handed to at most one `waitFor` call, oldest first, whether it
 * arrived before or after the call. Consecutive waits therefore see consecutive
 * matches without racing the bot, and a single wait never returns something an
 * earlier wait already returned.
 */
export class Recorder<T> {
  readonly #items: T[] = [];
  readonly #claimed = new Set<T>();
  readonly #waiters = new Set<Waiter<T>>();

  constructor(private readonly describe: (item: T) => string) {}

  get items(): readonly T[] {
    return this.#items;
  }

  push(item: T): void {
    this.#items.push(item);
    for (const waiter of this.#waiters) {
      if (waiter.predicate(item)) {
        this.#hand(item, waiter);
        return;
      }
    }
  }

  clear(): void {
    this.#items.length = 0;
    this.#claimed.clear();
  }

  waitFor(predicate: (item: T) => boolean, timeoutMs: number, what = 'entry'): Promise<T> {
    const earlier = this.#items.find((item) => !this.#claimed.has(item) && predicate(item));
    if (earlier !== undefined) {
      this.#claimed.add(earlier);
      return Promise.resolve(earlier);
    }
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const seen = this.#items.slice(-10).map(this.describe).join('\n  ') || '(nothing)';
        reject(new Error(`Timed out after ${timeoutMs}ms waiting for ${what}; latest seen:\n  ${seen}`));
      }, timeoutMs);
      const waiter: Waiter<T> = {
        predicate,
        resolve: (item) => {
          clearTimeout(timer);
          resolve(item);
        },
      };
      this.#waiters.add(waiter);
    });
  }

  #hand(item: T, waiter: Waiter<T>): void {
    this.#claimed.add(item);
    this.#waiters.delete(waiter);
    waiter.resolve(item);
  }
}
