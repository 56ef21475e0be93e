import { describe, expect, it } from 'vitest';
import { answer, loadKnowledge, type SearchIndex } from '../../../src/core/index.js';
import { knownNameIn, resolveFollowUp, subjectOf } from '../../../src/core/answer/follow-up.js';

const KNOWN = new Set(['stanislav lisov', 'lisov', 'pyotr levashov', 'levashov', 'kelihos', 'barcelona']);
const known = (name: string) => KNOWN.has(name.toLowerCase());

describe('subjectOf', () => {
  it('GIVEN a question naming someone THEN the subject is the name, without the question word', () => {
    expect(subjectOf('Who is Stanislav Lisov?', known)).toBe('Stanislav Lisov');
    expect(subjectOf('When was Levashov’s arrest?', known)).toBe('Levashov');
  });

  it('GIVEN capitalised words the knowledge base does not know THEN there is no subject', () => {
    expect(subjectOf('Tell Me What Happened', known)).toBeUndefined();
    expect(subjectOf('who was arrested?', known)).toBeUndefined();
  });
});

describe('resolveFollowUp', () => {
  const previous = 'who is Stanislav Lisov?';

  it.each([
    ['and when was he detained?', 'and when was Stanislav Lisov detained?'],
    ['why did they arrest him?', 'why did they arrest him?'.replace('they', 'Stanislav Lisov')],
    ['what was his job?', 'what was Stanislav Lisov’s job?'],
    ['where is it?', 'where is Stanislav Lisov?'],
  ])('GIVEN the pronoun follow-up %j THEN the first pronoun becomes the previous subject', (q, expected) => {
    expect(resolveFollowUp(previous, q, known)).toEqual({ question: expected, subject: 'Stanislav Lisov' });
  });

  it('GIVEN "her" before a noun or as an object THEN it becomes a possessive or the name', () => {
    expect(resolveFollowUp('who is Kelihos?', 'what did her husband do?', known).question).toBe(
      'what did Kelihos’ husband do?',
    );
    expect(resolveFollowUp('who is Kelihos?', 'who detained her?', known).question).toBe(
      'who detained Kelihos?',
    );
  });

  it('GIVEN a follow-up with no subject at all THEN the previous subject is added', () => {
    expect(resolveFollowUp(previous, 'and in which city?', known)).toEqual({
      question: 'and in which city, Stanislav Lisov?',
      subject: 'Stanislav Lisov',
    });
  });

  it('GIVEN a follow-up that names its own subject, or a previous question without one THEN it is left as typed', () => {
    expect(resolveFollowUp(previous, 'when was Levashov detained?', known)).toEqual({
      question: 'when was Levashov detained?',
    });
    expect(resolveFollowUp('what happened?', 'when was he detained?', known)).toEqual({
      question: 'when was he detained?',
    });
  });
});

describe('a follow-up answered from a knowledge base with two people', () => {
  let index: SearchIndex;
  const ask = (q: string) => answer(index, q).text;

  it('GIVEN "who is Stanislav Lisov?" THEN "and when was he detained?" is answered about Lisov, not Levashov', async () => {
    const loaded = await loadKnowledge('tests/fixtures/knowledge-two-people', { maxFileBytes: 1_000_000 });
    if (!loaded.ok) throw new Error('fixture did not load');
    index = loaded.value.index;

    const followUp = resolveFollowUp(
      'who is Stanislav Lisov?',
      'and when was he detained?',
      knownNameIn(index),
    );
    expect(ask(followUp.question)).toMatch(/January 2017/);
    expect(ask(followUp.question)).not.toMatch(/April/);

    const other = resolveFollowUp('who is Pyotr Levashov?', 'and when was he detained?', knownNameIn(index));
    expect(ask(other.question)).toMatch(/April 7, 2017/);
  });

  it('GIVEN words the knowledge base never mentions THEN knownNameIn refuses them', async () => {
    const loaded = await loadKnowledge('tests/fixtures/knowledge-two-people', { maxFileBytes: 1_000_000 });
    if (!loaded.ok) throw new Error('fixture did not load');
    const isKnown = knownNameIn(loaded.value.index);
    expect(isKnown('Stanislav Lisov')).toBe(true);
    expect(isKnown('Vladimir Nabokov')).toBe(false);
    expect(isKnown('')).toBe(false);
  });
});
