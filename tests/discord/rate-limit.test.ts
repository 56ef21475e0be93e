import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/discord/rate-limit.js';

function limiter(count = 2, windowMs = 1000) {
  const clock = { now: 0 };
  return { clock, limiter: new RateLimiter({ count, windowMs, now: () => clock.now }) };
}

describe('RateLimiter', () => {
  it('GIVEN questions within the count THEN all are allowed', () => {
    const { limiter: l } = limiter();
    expect(l.take('u')).toEqual({ ok: true });
    expect(l.take('u')).toEqual({ ok: true });
  });

  it('GIVEN one question too many THEN it is refused with the time until the oldest one leaves the window', () => {
    const { clock, limiter: l } = limiter();
    l.take('u');
    clock.now = 400;
    l.take('u');
    clock.now = 500;
    expect(l.take('u')).toEqual({ ok: false, retryAfterMs: 500 });
  });

  it('GIVEN the window slides past the oldest question THEN one more is allowed', () => {
    const { clock, limiter: l } = limiter();
    l.take('u');
    clock.now = 400;
    l.take('u');
    clock.now = 1001;
    expect(l.take('u')).toEqual({ ok: true });
    expect(l.take('u')).toMatchObject({ ok: false });
  });

  it('GIVEN refused questions THEN they do not extend the wait', () => {
    const { clock, limiter: l } = limiter(1);
    l.take('u');
    clock.now = 900;
    l.take('u');
    clock.now = 1001;
    expect(l.take('u')).toEqual({ ok: true });
  });

  it('GIVEN two users THEN each has their own window', () => {
    const { limiter: l } = limiter(1);
    expect(l.take('a')).toEqual({ ok: true });
    expect(l.take('b')).toEqual({ ok: true });
    expect(l.take('a')).toMatchObject({ ok: false });
  });
});
