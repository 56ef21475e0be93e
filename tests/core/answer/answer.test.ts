import { describe, expect, it } from 'vitest';
import { answer, NO_ANSWER, QUESTION_PROBLEM_TEXT, readQuestion } from '../../../src/core/index.js';
import { makeIndex } from '../../support/make-index.js';

// A small realistic case file: two documents, several paragraphs, names, places, dates and numbers.
const index = makeIndex([
  {
    id: 'heist',
    title: 'Museum heist in Lyon',
    url: 'https://example.org/heist',
    body: [
      'Three paintings were stolen from the Lyon Museum of Fine Arts on March 3, 2021.',
      '',
      'Police arrested a guard named Paul Girard two weeks later in Marseille. He had worked at the museum for nine years.',
      '',
      'The stolen works were valued at 12 million euros. Investigators said the alarm system had been switched off.',
    ].join('\n'),
  },
  {
    id: 'trial',
    title: 'Trial of the museum guard',
    body: 'The trial of Paul Girard opened in Paris in June 2022. His lawyer, Claire Morel, argued that he acted under threat.',
  },
]);

describe('answer', () => {
  it('GIVEN a who-and-where question THEN the answer holds both a person and a place, each cited', () => {
    const a = answer(index, 'who was arrested and where');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('Paul Girard');
    expect(a.text).toContain('Marseille');
    expect(a.citations[0]).toMatchObject({
      n: 1,
      documentId: 'heist',
      location: '¶2',
      url: 'https://example.org/heist',
    });
  });

  it('GIVEN a question worded with a synonym (detained for arrested) THEN the arrest sentence is found', () => {
    const a = answer(index, 'When was the guard detained?');
    expect(a.answered).toBe(true);
    expect(a.citations.map((c) => c.passage)).toContain(
      'Police arrested a guard named Paul Girard two weeks later in Marseille.',
    );
  });

  it('GIVEN a misspelt name THEN it is read as the known name', () => {
    const a = answer(index, 'Who is Clarie Morell?');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('Claire Morel');
  });

  it('GIVEN a how-many question THEN the cited sentence contains a number', () => {
    const a = answer(index, 'How many paintings were stolen?');
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/Three paintings/);
  });

  it('GIVEN an off-topic question THEN it abstains with the no-answer message and no citations', () => {
    const a = answer(index, 'What is the capital of France?');
    expect(a).toMatchObject({ answered: false, citations: [] });
    expect(a.text.startsWith(NO_ANSWER)).toBe(true);
    expect(a.missing).toBe('No place in the documents for "What is the capital of France".');
  });

  it('GIVEN gibberish THEN it abstains', () => {
    expect(answer(index, 'qwxz plorf zzkj').answered).toBe(false);
    expect(answer(index, '???').answered).toBe(false);
  });

  it('GIVEN a question on the case that the documents do not answer THEN it abstains', () => {
    expect(answer(index, 'How much bail was set for the guard?').answered).toBe(false);
  });

  it('GIVEN an empty or control-character question THEN it explains politely instead of answering', () => {
    expect(answer(index, '   ').text).toBe(QUESTION_PROBLEM_TEXT.empty);
    expect(answer(index, 'who\u0007 was arrested').text).toBe(QUESTION_PROBLEM_TEXT['control-characters']);
    expect(answer(index, 'who '.repeat(300)).text).toBe(QUESTION_PROBLEM_TEXT['too-long']);
  });

  it('GIVEN a question read once by readQuestion THEN its Query is answered as the text would be', () => {
    for (const q of [
      'who was arrested and where',
      '  When was   he\ttried? ',
      'How many paintings were stolen?',
    ]) {
      const read = readQuestion(q);
      if (!read.ok) throw new Error(`${q}: ${read.error}`);
      expect(answer(index, read.value)).toEqual(answer(index, q));
    }
    expect(readQuestion('  When was   he\ttried? ')).toMatchObject({
      ok: true,
      value: { text: 'When was he tried?' },
    });
    expect(readQuestion('who\u0007 was arrested')).toEqual({ ok: false, error: 'control-characters' });
  });

  it('GIVEN several citations THEN markers are numbered 1..n in the order they appear and match the sources', () => {
    const a = answer(index, 'who was arrested and where');
    const markers = [...a.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers).toEqual(a.citations.map((c) => c.n));
    expect(markers).toEqual(markers.map((_, k) => k + 1));
  });

  it('GIVEN the same question twice, even on a rebuilt index THEN the answers are identical', () => {
    const q = 'who was arrested and where';
    const again = makeIndex([
      {
        id: 'heist',
        title: 'Museum heist in Lyon',
        url: 'https://example.org/heist',
        body: index.document('heist')!.body,
      },
      { id: 'trial', title: 'Trial of the museum guard', body: index.document('trial')!.body },
    ]);
    expect(answer(again, q)).toEqual(answer(index, q));
  });
});
