import { describe, expect, it } from 'vitest';
import { tagText } from '../../../src/core/index.js';
import { growth, GROWTH_LIMIT } from '../../hostile/timing.js';

// Tagging runs on every sentence of whatever folder moderators load: no input may make it superlinear.
// Timed at n and 4n characters (see tests/hostile/timing.ts), so the bar holds on a loaded machine as
// on a quiet one: a backtracking pattern grows 16 times or more, a linear pass about 4.
describe('tagging hostile input', () => {
  const cases: Array<[string, string]> = [
    ['spaces and digits', '1 2 3 , . '],
    ['one long number', '9'],
    ['digits with group commas', '1,000,'],
    ['punctuation', '-.,;:"\'($%/'],
    ['capitalised words', 'Aa Bb. '],
    ['open quotes after a cue', 'called "'],
    ['months and numbers', 'July 5, '],
  ];
  for (const [name, unit] of cases) {
    it(`GIVEN ${name} repeated THEN tagging time grows linearly with the length`, () => {
      const make = (n: number): string => unit.repeat(Math.ceil(n / unit.length));
      const g = growth((text: string) => tagText(text, '2020-01-01'), make, 1_000);
      expect(
        g.ratio,
        `${g.times.map((t) => t.toFixed(1)).join(' / ')} ms at n = ${g.n}, 4n, 16n`,
      ).toBeLessThan(GROWTH_LIMIT);
    });
  }
});
