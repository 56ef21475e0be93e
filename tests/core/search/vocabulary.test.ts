import { describe, expect, it } from 'vitest';
import { buildVocabulary, correctTerm, idf } from '../../../src/core/search/vocabulary.js';

describe('buildVocabulary and idf', () => {
  const vocab = buildVocabulary([['levashov', 'botnet', 'botnet'], ['levashov', 'spam'], ['kelihos']]);

  it('GIVEN term lists THEN df counts passages holding a term, not occurrences', () => {
    expect(vocab.passageCount).toBe(3);
    expect(vocab.df.get('botnet')).toBe(1);
    expect(vocab.df.get('levashov')).toBe(2);
  });

  it('GIVEN a rarer term THEN its idf is higher, and an unknown term weighs the most', () => {
    expect(idf(vocab, 'spam')).toBeGreaterThan(idf(vocab, 'levashov'));
    expect(idf(vocab, 'absent')).toBeGreaterThan(idf(vocab, 'spam'));
  });
});

describe('correctTerm', () => {
  const vocab = buildVocabulary([
    ['levashov', 'kelihos', 'botnet'],
    ['levashov', 'spam', 'barcelona'],
    ['spain', 'botnet'],
    ['botnets'],
  ]);

  it('GIVEN a one-letter typo of a known term THEN that term is offered', () => {
    expect(correctTerm(vocab, 'levashof')).toEqual(['levashov']);
    expect(correctTerm(vocab, 'spma')).toEqual(['spam']);
  });

  it('GIVEN a swap of two adjacent letters THEN the known term is offered', () => {
    expect(correctTerm(vocab, 'kelihso')).toEqual(['kelihos']);
  });

  it('GIVEN a long word with two typos THEN it is still corrected (two edits allowed from 8 letters)', () => {
    expect(correctTerm(vocab, 'barselone')).toEqual(['barcelona']);
  });

  it('GIVEN a shorter word with two typos THEN no correction is offered (only one edit allowed)', () => {
    expect(correctTerm(vocab, 'kelhiso')).toEqual([]);
  });

  it('GIVEN several near terms THEN only the nearest come back, the most frequent first', () => {
    // "botnex" is one edit from "botnet" (df 2) and two from "botnets" (df 1).
    expect(correctTerm(vocab, 'botnex')).toEqual(['botnet']);
  });

  it('GIVEN a word of three letters or fewer THEN it is never corrected', () => {
    expect(correctTerm(vocab, 'spm')).toEqual([]);
    expect(correctTerm(buildVocabulary([['cat']]), 'cut')).toEqual([]);
  });

  it('GIVEN a word with digits THEN it is not corrected', () => {
    expect(correctTerm(vocab, 'b0tnet')).toEqual([]);
  });

  it('GIVEN a word far from every known term THEN there is no correction', () => {
    expect(correctTerm(vocab, 'france')).toEqual([]);
  });
});

describe('correctTerm: first letters swapped', () => {
  it('GIVEN a typo that swaps the first two letters THEN the known term is found', () => {
    const vocab = buildVocabulary([['levashov'], ['kelihos']]);
    expect(correctTerm(vocab, 'elvashov')).toEqual(['levashov']);
  });
});
