import { describe, expect, it } from 'vitest';
import { quoteAsked, readAskedQuestion } from '../../../src/discord/format/question-quote.js';
import { ui } from '../../../src/discord/i18n.js';

const USER = '123456789012345678';

describe('quoting the question and reading it back from the message', () => {
  it.each(['en', 'es', 'ru'])(
    'GIVEN a question full of Discord syntax, quoted in %s THEN the message reads back exactly that question',
    (lang) => {
      const question = 'who said **"[FBI](http://x)"** to <@1> @everyone: -# and 1. then?';
      const content = `${quoteAsked({ userId: USER, question }, ui(lang))}\nThe answer [1].`;
      expect(content).not.toMatch(/(?<!\\)@everyone/);
      expect(readAskedQuestion(content)).toBe(question);
    },
  );

  it('GIVEN a rewritten follow-up THEN the answered form is what is read back', () => {
    const content = quoteAsked(
      { userId: USER, question: 'when was he detained?', readAs: 'when was Lisov detained?' },
      ui('en'),
    );
    expect(content.split('\n')).toHaveLength(2);
    expect(readAskedQuestion(content)).toBe('when was Lisov detained?');
  });

  it('GIVEN "Ask Casefile" on someone’s message THEN the question is still read back', () => {
    const content = quoteAsked(
      { userId: USER, question: 'a: b?', aboutAuthorId: '223456789012345678' },
      ui('ru'),
    );
    expect(content).toContain('<@223456789012345678>');
    expect(readAskedQuestion(content)).toBe('a: b?');
  });

  it('GIVEN a message that quotes no question THEN nothing is read back', () => {
    expect(readAskedQuestion('Something else entirely')).toBeUndefined();
    expect(readAskedQuestion('> a block quote: from a document')).toBeUndefined();
  });
});

describe('autocomplete', () => {
  it('GIVEN a member typing a real question THEN their own text is the first choice, then matching suggestions', async () => {
    const { autocompleteChoices } = await import('../../../src/discord/autocomplete.js');
    const { makeIndex } = await import('../../support/make-index.js');
    const index = makeIndex([
      { id: 'a', title: 'Levashov arrest', body: 'Levashov was detained in Barcelona.' },
    ]);
    const choices = autocompleteChoices(index, 'where was Levashov detained');
    expect(choices[0]).toEqual({ name: 'where was Levashov detained', value: 'where was Levashov detained' });
    expect(autocompleteChoices(index, '')[0]?.name).not.toBe('');
    expect(autocompleteChoices(index, 'x'.repeat(101)).map((c) => c.name)).not.toContain('x'.repeat(101));
  });
});
