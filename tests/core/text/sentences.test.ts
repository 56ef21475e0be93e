import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/text/sentences.js';

/** The sentences themselves, cut from the text by the returned spans. */
const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('GIVEN ordinary sentences THEN each is its own span', () => {
    expect(sentences('Levashov was arrested. He was extradited. The botnet fell.')).toEqual([
      'Levashov was arrested.',
      'He was extradited.',
      'The botnet fell.',
    ]);
  });

  it('GIVEN "!" and "?" endings THEN they split like periods, runs of them included', () => {
    expect(sentences('Stop! Who is there? Nobody. Really?! Yes.')).toEqual([
      'Stop!',
      'Who is there?',
      'Nobody.',
      'Really?!',
      'Yes.',
    ]);
  });

  it('GIVEN the dotted acronym U.S. inside a sentence THEN it does not end the sentence', () => {
    expect(sentences('The U.S. Department of Justice charged him. Then he was tried.')).toEqual([
      'The U.S. Department of Justice charged him.',
      'Then he was tried.',
    ]);
  });

  it('GIVEN titles such as Mr., Dr., Prof. and Gen. THEN the name after them stays in the sentence', () => {
    expect(sentences('Mr. Smith met Dr. Jones and Prof. Levashov. Gen. Patton was absent.')).toEqual([
      'Mr. Smith met Dr. Jones and Prof. Levashov.',
      'Gen. Patton was absent.',
    ]);
  });

  it('GIVEN an abbreviated month before a number THEN the date stays in one sentence', () => {
    expect(sentences('He was held on Jan. 7 in Spain. The hearing was on Sept. 3.')).toEqual([
      'He was held on Jan. 7 in Spain.',
      'The hearing was on Sept. 3.',
    ]);
  });

  it('GIVEN initials (J. R. R. Tolkien) THEN they do not end the sentence', () => {
    expect(sentences('The book is by J. R. R. Tolkien. It is long.')).toEqual([
      'The book is by J. R. R. Tolkien.',
      'It is long.',
    ]);
  });

  it('GIVEN decimals and version numbers THEN their points do not split', () => {
    expect(sentences('The botnet grew 3.5 times. Version 1.2.3 shipped. 6 more came.')).toEqual([
      'The botnet grew 3.5 times.',
      'Version 1.2.3 shipped.',
      '6 more came.',
    ]);
  });

  it('GIVEN a closing curly quote after the period THEN the quote belongs to the ending sentence', () => {
    expect(sentences('She said “Hello world.” Next she left.')).toEqual([
      'She said “Hello world.”',
      'Next she left.',
    ]);
  });

  it('GIVEN straight quotes and brackets around a sentence end THEN they stay with it', () => {
    expect(sentences('He said "Stop." Then he left. (It was late.) Nobody followed.')).toEqual([
      'He said "Stop."',
      'Then he left.',
      '(It was late.)',
      'Nobody followed.',
    ]);
  });

  it('GIVEN a sentence opened by a quote THEN the split happens before the quote', () => {
    expect(sentences('He left. “We are done,” he said.')).toEqual(['He left.', '“We are done,” he said.']);
  });

  it('GIVEN a period followed by a lower-case word THEN it is not treated as a boundary', () => {
    expect(sentences('The file ext. is odd. lower case continues here.')).toEqual([
      'The file ext. is odd. lower case continues here.',
    ]);
  });

  it('GIVEN "etc." or "Inc." before an ordinary capitalised word THEN the sentence ends there', () => {
    expect(sentences('Spam, malware, etc. The list went on. It was Acme Inc. The firm grew.')).toEqual([
      'Spam, malware, etc.',
      'The list went on.',
      'It was Acme Inc.',
      'The firm grew.',
    ]);
  });

  it('GIVEN surrounding white space and a missing final period THEN spans are trimmed and the tail is kept', () => {
    const text = '  First one.   Second without end  ';
    expect(splitSentences(text)).toEqual([
      { start: 2, end: 12 },
      { start: 15, end: 33 },
    ]);
  });

  it('GIVEN empty or blank text THEN there are no sentences', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t ')).toEqual([]);
  });
});
