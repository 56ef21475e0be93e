import { describe, expect, it } from 'vitest';
import { RefusalGate } from '../../src/discord/refusal-gate.js';

describe('RefusalGate', () => {
  it('GIVEN refusals for one member THEN only the first in each window may be written', () => {
    let now = 0;
    const gate = new RefusalGate(30_000, () => now);
    expect(gate.speak('a')).toBe(true);
    now = 29_999;
    expect(gate.speak('a')).toBe(false);
    expect(gate.speak('b')).toBe(true);
    now = 30_000;
    expect(gate.speak('a')).toBe(true);
  });
});
