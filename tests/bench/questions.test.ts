import { describe, expect, it } from 'vitest';
import { addTypo, generateQuestions, questionWord, random } from '../../bench/questions.js';
import { percentiles, quantile, spread } from '../../bench/stats.js';
import { loadWordNet } from '../../bench/wordnet.js';

/** Levenshtein distance, with a swap of neighbours counted as one edit (as a typist makes it). */
function edits(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

const SENTENCES = [
  'The Congress declared war upon Germany after the sinking of several American merchant ships.',
  'Spanish police detained the programmer in Barcelona at the request of the American government.',
  'The agreement raised taxes on imported goods and angered the farmers of the western states.',
  'Short one.',
].map((text) => ({ text }));

describe('bench questions', () => {
  const wordnet = loadWordNet();

  it('GIVEN a word THEN a typo is exactly one edit away and keeps the first letter', () => {
    const next = random(7);
    for (const word of ['government', 'detained', 'Barcelona', 'agreement']) {
      for (let k = 0; k < 20; k++) {
        const typo = addTypo(word, next);
        expect(edits(word, typo)).toBe(1);
        expect(typo[0]).toBe(word[0]);
      }
    }
  });

  it('GIVEN WordNet THEN a common word has a synonym that is not a form of itself', () => {
    expect(wordnet.synonym('detained')).toBeDefined();
    expect(wordnet.synonym('detained')!.startsWith('detain')).toBe(false);
    expect(wordnet.synonym('zzzxq')).toBeUndefined();
  });

  it('GIVEN a run of a sentence THEN the question word asks for what the sentence says outside the run', () => {
    const words = 'The Liverpool and Manchester Railway opened in 1830 making exclusive use of steam'.split(
      ' ',
    );
    const run = (first: string, last: string): [number, number] => [
      words.indexOf(first),
      words.indexOf(last),
    ];
    // The year is outside "exclusive use of steam": the sentence answers "When".
    expect(questionWord(words, ...run('exclusive', 'steam'))).toBe('When');
    // The run holds the only year: asking "When" would ask for what the question says. Names remain.
    expect(questionWord(words, ...run('opened', 'steam'))).toBe('Who');
    expect(questionWord(words, ...run('The', 'steam'))).toBe('What');
    const say = (text: string, first: string, last: string): string => {
      const w = text.split(' ');
      return questionWord(w, w.indexOf(first), w.indexOf(last));
    };
    expect(say('On April 9, his wife reported that he was detained', 'wife', 'detained')).toBe('When');
    expect(say('Lisov faces 35 years in prison in the U.S.', 'prison', 'U.S.')).toBe('How long');
    expect(say('the loss was $12 billion after the storm hit', 'storm', 'hit')).toBe('How much');
    expect(say('it sold 400 copies after the storm hit', 'storm', 'hit')).toBe('How many');
    // An ordinal is not a figure to count.
    expect(say('in the 11th century the abbey was built', 'abbey', 'built')).toBe('What');
  });

  it('GIVEN sentences THEN every source gives one question of each kind, and the same seed the same questions', () => {
    const questions = generateQuestions(SENTENCES, 6, wordnet, 3);
    expect(questions).toEqual(generateQuestions(SENTENCES, 6, wordnet, 3));
    const kinds = ['verbatim', 'typo', 'paraphrase'];
    expect(questions.map((q) => q.kind)).toEqual(Array.from({ length: 6 }, () => kinds).flat());
    for (let k = 0; k < questions.length; k += 3) {
      const [verbatim, typo, paraphrase] = questions.slice(k, k + 3);
      expect(SENTENCES[verbatim!.source]!.text).not.toBe('Short one.');
      expect(typo!.source).toBe(verbatim!.source);
      expect(edits(verbatim!.question, typo!.question)).toBe(1);
      expect(paraphrase!.question).not.toBe(verbatim!.question);
      // The verbatim words, question word aside, come from the source sentence in order.
      const words = verbatim!.question.replace(/\?$/, '').split(' ').slice(1).join(' ');
      const source = SENTENCES[verbatim!.source]!.text.replace(/[^\p{L}\p{N}\s]/gu, '');
      expect(source).toContain(words.replace(/^(many|long|much) /, ''));
    }
  });
});

describe('bench stats', () => {
  it('GIVEN 100 samples THEN the nearest-rank percentiles are measured values', () => {
    const samples = Array.from({ length: 100 }, (_, k) => 100 - k);
    expect(quantile(samples, 0.5)).toBe(50);
    expect(percentiles(samples)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
    expect(spread([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, runs: 3 });
  });
});
