import { describe, expect, it } from 'vitest';
import { termsOf } from '../../../src/core/text/terms.js';

/** The single term of a one-word text. */
const only = (text: string): string | undefined => {
  const terms = termsOf(text);
  expect(terms).toHaveLength(1);
  return terms[0];
};

describe('termsOf', () => {
  it('GIVEN different letter cases THEN they give the same term', () => {
    expect(termsOf('Levashov LEVASHOV levashov')).toEqual(['levashov', 'levashov', 'levashov']);
  });

  it('GIVEN accented letters THEN accents are dropped (café → cafe)', () => {
    expect(termsOf('café')).toEqual(['cafe']);
    expect(termsOf('Zürich São')).toEqual(['zurich', 'sao']);
  });

  it('GIVEN curly quotes around words THEN the words come out as with no quotes', () => {
    expect(termsOf('“Kelihos” ‘botnet’')).toEqual(termsOf('Kelihos botnet'));
    expect(termsOf('Kelihos botnet')).toHaveLength(2);
  });

  it('GIVEN a possessive with a curly or straight apostrophe THEN it folds to the bare name', () => {
    expect(only('Levashov’s')).toBe('levashov');
    expect(only("Levashov's")).toBe('levashov');
    expect(only('Levashov')).toBe('levashov');
  });

  it('GIVEN "e-mail" and "email" THEN they share a term', () => {
    const hyphenated = termsOf('e-mail');
    const joined = termsOf('email');
    expect(joined).toEqual(['email']);
    expect(hyphenated).toContain('email');
  });

  it('GIVEN a hyphenated compound THEN both the joined form and its parts are terms', () => {
    expect(termsOf('anti-spam')).toEqual(expect.arrayContaining(['antispam', 'spam']));
  });

  it('GIVEN a typographic hyphen (U+2011) THEN it acts like an ASCII hyphen', () => {
    expect(termsOf('e\u2011mail')).toEqual(termsOf('e-mail'));
  });

  it.each(['U.S.', 'US', 'USA', 'U.S.A.', 'United States', 'the United States of America', 'America'])(
    'GIVEN %j THEN it folds to the one country term of "U.S."',
    (spelling) => {
      expect(termsOf(spelling)).toEqual(termsOf('U.S.'));
      expect(termsOf(spelling)).toHaveLength(1);
    },
  );

  it('GIVEN the pronoun "us" THEN it is dropped, not read as the country', () => {
    expect(termsOf('They told us about it')).not.toContain(only('US'));
    expect(termsOf('us')).toEqual([]);
  });

  it('GIVEN "South America" THEN it is not folded into the United States', () => {
    expect(termsOf('South America')).not.toContain(only('America'));
  });

  it('GIVEN U.K. spellings THEN they fold together and apart from the U.S.', () => {
    const uk = only('U.K.');
    expect(termsOf('UK United Kingdom')).toEqual([uk, uk]);
    expect(uk).not.toBe(only('U.S.'));
  });

  it('GIVEN thousands separators THEN the number matches its unseparated form', () => {
    expect(termsOf('100,000 bots')).toEqual(termsOf('100000 bots'));
    expect(termsOf('1,000,000')).toEqual(['1000000']);
  });

  it('GIVEN a decimal number THEN its point is kept, not split into two numbers', () => {
    expect(termsOf('3.5 million')).toEqual(['3.5', 'million']);
  });

  it('GIVEN stop words and single letters THEN they are dropped, while digits are kept', () => {
    expect(termsOf('the and of to is was who what where')).toEqual([]);
    expect(termsOf('a b x 5')).toEqual(['5']);
  });

  it('GIVEN inflected forms of a verb THEN they stem to one term', () => {
    const detain = only('detain');
    expect(termsOf('detained detains detaining')).toEqual([detain, detain, detain]);
  });

  it('GIVEN irregular forms THEN they meet their base word (said → say, took → take)', () => {
    expect(only('said')).toBe(only('says'));
    expect(only('took')).toBe(only('takes'));
  });

  it('GIVEN a sentence THEN terms keep the order of the words', () => {
    expect(termsOf('Levashov ran Kelihos from Russia')).toEqual(['levashov', 'run', 'keliho', 'russia']);
  });

  it("GIVEN negative contractions like don't and isn't THEN they are dropped like not", () => {
    expect(termsOf("don't isn't wasn't won't botnet")).toEqual(['botnet']);
  });
});
