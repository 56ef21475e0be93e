import { describe, expect, it } from 'vitest';
import { analyseQuestion, type AnswerKind } from '../../../src/core/answer/question.js';
import { termsOf } from '../../../src/core/text/terms.js';

const kinds = (question: string): AnswerKind[] => analyseQuestion(question).parts.map((p) => p.kind);

describe('analyseQuestion', () => {
  it.each<[string, AnswerKind]>([
    ['Who detained Levashov?', 'person'],
    ['Whom did they charge?', 'person'],
    ['Where was Levashov held?', 'place'],
    ['When was the botnet taken down?', 'date'],
    ['How many computers were infected?', 'number'],
    ['How much money was made?', 'number'],
    ['How long was his sentence?', 'duration'],
    ['Why was he extradited?', 'reason'],
    ['How did they take the botnet down?', 'manner'],
    ['What year was he arrested?', 'date'],
    ['In what year was he arrested?', 'date'],
    ['Which country extradited him?', 'place'],
    ['What city was he in?', 'place'],
    ['Which prison held him?', 'named'],
    ['What is Kelihos?', 'thing'],
    ['Levashov arrest', 'thing'],
  ])('GIVEN %j THEN the expected answer kind is %s', (question, kind) => {
    expect(kinds(question)).toEqual([kind]);
  });

  it('GIVEN a question word in capitals or with punctuation THEN the kind is still found', () => {
    expect(kinds('WHERE, exactly, was he HELD?!')).toEqual(['place']);
  });

  it('GIVEN "who detained Levashov and where" THEN it has two parts, a person then a place, sharing the topic terms', () => {
    const q = analyseQuestion('who detained Levashov and where');
    expect(q.parts.map((p) => p.kind)).toEqual(['person', 'place']);
    expect(q.parts[0]!.terms).toEqual(termsOf('detained Levashov'));
    // "and where" has no words of its own: it asks where about the same arrest.
    expect(q.parts[1]!.terms).toEqual(termsOf('detained Levashov'));
    expect(q.terms).toEqual(termsOf('detained Levashov'));
  });

  it('GIVEN "and" that does not start a new question word THEN the question stays one part', () => {
    expect(kinds('Who arrested Levashov and his wife?')).toEqual(['person']);
  });

  it('GIVEN two full questions joined by "and" THEN each part keeps its own kind and terms', () => {
    const q = analyseQuestion('how many bots were there and how long did it run');
    expect(q.parts.map((p) => [p.kind, p.terms])).toEqual([
      ['number', termsOf('bots')],
      ['duration', termsOf('run')],
    ]);
  });

  it('GIVEN "wat is kelihos" THEN "wat" is read as "what": no term for it, only the topic', () => {
    const q = analyseQuestion('wat is kelihos');
    expect(q.terms).toEqual(termsOf('kelihos'));
    expect(q.parts).toHaveLength(1);
    expect(q.parts[0]!.kind).toBe('thing');
  });

  it('GIVEN a misspelt question word before a kind noun ("wat year") THEN the kind is still a date', () => {
    expect(kinds('wat year was he arrested')).toEqual(['date']);
    expect(kinds('wher was he held')).toEqual(['place']);
  });

  it('GIVEN "what year" or "which country" THEN the noun is recorded as a type term, not a topic', () => {
    const year = analyseQuestion('What year was he arrested?');
    expect(year.parts[0]!.typeTerm).toBe(termsOf('year')[0]);
    expect([...year.typeTerms]).toEqual(termsOf('year'));
    const country = analyseQuestion('Which country extradited him?');
    expect([...country.typeTerms]).toEqual(termsOf('country'));
  });

  it('GIVEN "which prison" THEN prison is the named type but stays a topic (no type-term discount)', () => {
    const q = analyseQuestion('Which prison held him?');
    expect(q.parts[0]!.typeTerm).toBe(termsOf('prison')[0]);
    expect(q.typeTerms.size).toBe(0);
    expect(q.terms).toContain(termsOf('prison')[0]);
  });

  it('GIVEN asking words ("describe", "how many") THEN they are not content terms', () => {
    expect(analyseQuestion('describe the arrest of Levashov').terms).toEqual(termsOf('arrest Levashov'));
    expect(analyseQuestion('How many bots?').terms).toEqual(termsOf('bots'));
  });

  it('GIVEN an empty question THEN there is one part of kind thing with no terms', () => {
    const q = analyseQuestion('');
    expect(q.parts.map((p) => [p.kind, p.terms])).toEqual([['thing', []]]);
    expect(q.terms).toEqual([]);
  });

  it('GIVEN a term repeated across parts THEN the question terms list it once', () => {
    const q = analyseQuestion('who arrested Levashov and where was Levashov arrested');
    expect(q.terms).toEqual(termsOf('arrested Levashov'));
  });

  it('GIVEN misspelt question words that lost or swapped a letter THEN each is read as the question word', () => {
    expect(kinds('wen was he arrested')).toEqual(['date']);
    expect(kinds('wher was he arrested')).toEqual(['place']);
    expect(kinds('whre was he held')).toEqual(['place']);
    // Only the first word of a part is read this way: elsewhere a near word is a content word.
    expect(analyseQuestion('when did the hat go missing').terms).toContain('hat');
  });

  it('GIVEN "not" in a question THEN that part is negated; a yes/no question is a yes/no part', () => {
    expect(analyseQuestion('when did he plead not guilty').parts[0]!.negated).toBe(true);
    expect(analyseQuestion('when did he plead guilty').parts[0]!.negated).toBe(false);
    expect(analyseQuestion('Does Spain have a treaty with Russia?').parts[0]!.yesNo).toBe(true);
  });

  it('GIVEN a second part that asks yes/no ("and were they upheld") THEN it is its own part', () => {
    const q = analyseQuestion('What were the charges and were they upheld?');
    expect(q.parts).toHaveLength(2);
    expect(q.parts[1]!.yesNo).toBe(true);
    expect(q.parts[1]!.terms).toEqual(termsOf('upheld'));
  });

  it('GIVEN "how much" with a money verb, "how old", "the name of his wife" THEN only money, an age and a person are expected', () => {
    expect(analyseQuestion('How much bail did he pay?').parts[0]!.accepts).toEqual(['money']);
    expect(analyseQuestion('What did it cost him?').parts[0]!.accepts).toEqual(['money']);
    expect(analyseQuestion('How old was he?').parts[0]!.accepts).toEqual(['age']);
    // A nickname ("known as Track2") is not the name of his wife.
    expect(analyseQuestion('What is the name of his wife?').parts[0]!.accepts).toEqual(['person']);
    expect(analyseQuestion('levashov sentence?').parts[0]!.kind).toBe('duration');
  });

  it('GIVEN a kind of person no list names ("which physicist", "the name of his boss") THEN WordNet makes it a person', () => {
    expect(analyseQuestion('Which physicist described the cycle?').parts[0]!.accepts).toEqual(['person']);
    expect(analyseQuestion('What UN secretaries studied there?').parts[0]!.kind).toBe('person');
    expect(analyseQuestion("What was the name of Watt's boss?").parts[0]!.accepts).toEqual(['person']);
    // A name is no kind of answer: "Carnot" in WordNet is a physicist, but the question asks a meaning.
    expect(analyseQuestion('What does Carnot mean?').parts[0]!.kind).toBe('thing');
    // The owner of the name is the noun right after "of": "the accused" later in the question is not it.
    expect(
      analyseQuestion('What is the name of the pizzeria he was accused of hacking?').parts[0]!.kind,
    ).toBe('named');
    // "Which prison" asks for a prison; stemming joins prison and prisoner, WordNet's words do not.
    expect(analyseQuestion('Which prison held him?').parts[0]!.kind).toBe('named');
  });

  it('GIVEN "he" and no name THEN the question is marked as leaning on a pronoun', () => {
    expect(analyseQuestion('when was he arrested').pronoun).toBe(true);
    expect(analyseQuestion('when was Levashov arrested').pronoun).toBe(false);
  });
});
