import type { FakeRequest } from './request.js';
import type { RestReply } from './router.js';

interface Fault {
  matches: (request: FakeRequest) => boolean;
  statuses: number[];
}

const RETRY_AFTER_SECONDS = 0.05;

/** Queued failures: each matching request consumes the next status of the first rule it matches. */
export class FaultInjector {
  readonly #faults: Fault[] = [];

  add(matches: (request: FakeRequest) => boolean, statuses: number[]): void {
    this.#faults.push({ matches, statuses: [...statuses] });
  }

  take(request: FakeRequest): RestReply | null {
    const fault = this.#faults.find((f) => f.statuses.length > 0 && f.matches(request));
    const status = fault?.statuses.shift();
    return status === undefined ? null : faultReply(status);
  }
}

function faultReply(status: number): RestReply {
  if (status === 429) {
    return {
      status,
      // Short on purpose: discord.js sleeps Retry-After (plus a 50 ms offset) before retrying.
      headers: { 'Retry-After': String(RETRY_AFTER_SECONDS), 'X-RateLimit-Scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: RETRY_AFTER_SECONDS, global: false },
    };
  }
  const message = status >= 500 ? `${status}: Internal Server Error` : `${status}: Injected failure`;
  return { status, body: { message, code: 0 } };
}
