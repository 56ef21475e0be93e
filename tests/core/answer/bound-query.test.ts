import { describe, expect, it } from 'vitest';
import { bindQuery } from '../../../src/core/answer/bound-query.js';
import { readQuestion, type Query } from '../../../src/core/index.js';
import { termsOf } from '../../../src/core/text/terms.js';
import { makeIndex } from '../../support/make-index.js';

const index = makeIndex([
  {
    id: 'case',
    title: 'The Girard case',
    body: [
      'Paul Girard was arrested in Marseille. Girard had worked at the museum for nine years.',
      '',
      'Claire Morel defended Girard at his trial in Paris. Girard denied the theft.',
    ].join('\n'),
  },
]);

const read = (question: string): Query => {
  const r = readQuestion(question);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const ALL = { parts: true, implicitSubject: true };

describe('bindQuery', () => {
  it('GIVEN two names apart THEN each is one entity made of its own name words', () => {
    const bound = bindQuery(index, read("Where was Claire Morel's client Paul Girard arrested?"), ALL);
    const entities = bound.groups.map((g) => g.map((k) => bound.concepts[k]!.term));
    expect(entities).toEqual([termsOf('Claire Morel'), termsOf('Paul Girard')]);
  });

  it('GIVEN "he" and no name THEN the question is about the main subject, unless that step is off', () => {
    const bound = bindQuery(index, read('Where was he arrested?'), ALL);
    expect(bound.groups).toEqual([]);
    expect(bound.implicitFocus).toBe(termsOf('Girard')[0]);
    expect(
      bindQuery(index, read('Where was he arrested?'), { ...ALL, implicitSubject: false }).implicitFocus,
    ).toBeUndefined();
    expect(bindQuery(index, read('Where was Girard arrested?'), ALL).implicitFocus).toBeUndefined();
  });

  it('GIVEN a two-part question with parts off THEN it is read as one part over all its terms', () => {
    const query = read('who was arrested and where');
    expect(bindQuery(index, query, ALL).question.parts).toHaveLength(2);
    const one = bindQuery(index, query, { ...ALL, parts: false }).question;
    expect(one.parts).toHaveLength(1);
    expect(one.parts[0]!.terms).toEqual(query.terms);
  });
});
