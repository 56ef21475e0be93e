import { describe, expect, it } from 'vitest';
import { tagText } from '../../../src/core/index.js';

// Tagging runs on every sentence of whatever folder moderators load: no input may make it superlinear.
// The bound is loose on purpose (a shared CI machine); a backtracking pattern would take minutes.
describe('tagging hostile input', () => {
  const cases: Array<[string, string]> = [
    ['spaces and digits', '1 2 3 , . '.repeat(5_000)],
    ['one long number', '9'.repeat(50_000)],
    ['digits with group commas', '1,000,'.repeat(8_000)],
    ['punctuation', '-.,;:"\'($%/'.repeat(4_500)],
    ['capitalised words', 'Aa Bb. '.repeat(7_000)],
    ['open quotes after a cue', 'called "'.repeat(6_000)],
    ['months and numbers', 'July 5, '.repeat(6_000)],
  ];
  for (const [name, text] of cases) {
    it(`GIVEN 50k characters of ${name} THEN tagging finishes quickly`, () => {
      const t0 = performance.now();
      tagText(text, '2020-01-01');
      expect(performance.now() - t0).toBeLessThan(2_000);
    });
  }
});
