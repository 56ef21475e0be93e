import { describe, expect, it } from 'vitest';
import { composeAnswer, withMarker } from '../../../src/core/answer/compose.js';
import { makeIndex } from '../../support/make-index.js';

const index = makeIndex([{ id: 'd', body: 'First fact here. Second fact here.\n\nThird fact in the U.S.' }]);

describe('composeAnswer', () => {
  it('GIVEN passages chosen out of order and one chosen twice THEN sources follow reading order and the repeat keeps its number', () => {
    const { text, citations } = composeAnswer(index, [1, 0, 1]);
    expect(citations.map((c) => [c.n, c.passageId])).toEqual([
      [1, 'd#p1.s1'],
      [2, 'd#p1.s2'],
    ]);
    expect(text).toBe('First fact here [1]. Second fact here [2].');
  });

  it('GIVEN a sentence ending in an abbreviation THEN the marker goes after it, keeping "U.S." whole', () => {
    expect(withMarker('Third fact in the U.S.', 3)).toBe('Third fact in the U.S. [3]');
    expect(withMarker('He said "yes."', 1)).toBe('He said "yes." [1]');
  });
});
