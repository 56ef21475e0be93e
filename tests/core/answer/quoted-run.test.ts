import { describe, expect, it } from 'vitest';
import { askedRun, quotedRun } from '../../../src/core/answer/quoted-run.js';
import { termsOf } from '../../../src/core/text/terms.js';
import { wordsOf } from '../../../src/core/text/words.js';

/** The question's terms as concepts, in order, as the answerer's `formIndex` numbers them. */
const conceptsOf = (question: string): Map<string, number> =>
  new Map(termsOf(question).map((t, k) => [t, k] as const));

const run = (question: string, sentence: string): number => {
  const conceptOf = conceptsOf(question);
  return quotedRun(askedRun(question, wordsOf(question), conceptOf), sentence, wordsOf(sentence), conceptOf);
};

describe('quotedRun', () => {
  it('is 1 for a sentence holding the whole question as written, punctuation and stems aside', () => {
    expect(
      run('used by engineers mechanics', 'It was routinely used by engineers, mechanics and inspectors.'),
    ).toBe(1);
  });

  it('counts stop words, so the sentence with the asked "give" beats one with "had"', () => {
    const asked = 'valve gears give';
    expect(run(asked, 'The simplest valve gears give events of fixed length.')).toBe(1);
    expect(run(asked, 'Poppet valve gears had separate valves, to give ideal events.')).toBeCloseTo(0.25);
  });

  it('is 0 when no two neighbouring words of the question stand side by side, or for one word', () => {
    expect(run('father of Seleznev', 'Seleznev said his father was a lawmaker.')).toBe(0);
    expect(run('Seleznev', 'Roman Seleznev was convicted.')).toBe(0);
  });

  it('counts a short shared run little (squared share)', () => {
    // "aleksei burkov" is 2 of 4 words: (1/3)² of the credit.
    expect(run('was Aleksei Burkov arrested', 'Judge Ellis sentenced Aleksei Burkov.')).toBeCloseTo(1 / 9);
  });
});
