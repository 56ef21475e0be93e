import { describe, expect, it } from 'vitest';
import { answer, NO_ANSWER, type Check } from '../../../src/core/index.js';
import { makeIndex } from '../../support/make-index.js';

// A small case file of our own, shaped like a real one: a main defendant, a look-alike defendant arrested
// in the same city, two reports of the same arrest that disagree on details, and a court report.
const index = makeIndex([
  {
    id: 'arrest-wire',
    title: 'Hacker Ivan Dorokhov arrested in Valencia',
    source: 'Wire report',
    date: '2019-03-04',
    body: [
      'VALENCIA, March 4 - Spanish police said on Monday they had arrested Ivan Dorokhov, a Russian programmer wanted by the United States.',
      '',
      'Dorokhov, 36, was detained at his hotel in Valencia on Saturday, March 2, police said.',
      '',
      'He is accused of running the Tarpan botnet, which infected about 90,000 computers.',
    ].join('\n'),
  },
  {
    id: 'arrest-daily',
    title: 'Russian held in Spain over Tarpan botnet',
    source: 'Daily report',
    date: '2019-03-06',
    body: [
      'Ivan Dorokhov, 37, a programmer from Omsk, was held in Valencia at the request of American prosecutors.',
      '',
      'His wife said he had been on holiday with the family.',
    ].join('\n'),
  },
  {
    id: 'other-case',
    title: 'Second Russian detained in Valencia',
    source: 'Wire report',
    date: '2019-05-10',
    body: [
      'Spanish police detained another Russian, Oleg Markin, in Valencia in May 2019.',
      '',
      'Markin was sentenced to six years in prison in Madrid in 2020.',
    ].join('\n'),
  },
  {
    id: 'court',
    title: 'Dorokhov pleads not guilty',
    source: 'Court report',
    date: '2019-07-20',
    body: [
      'Dorokhov pleaded not guilty on July 19 in a federal court in Connecticut.',
      '',
      'His lawyer, Ana Ruiz, said the charges were politically motivated.',
    ].join('\n'),
  },
]);

/** The answer text with markers, "…" and the connecting phrases removed: what must be quoted. */
const quotedSpans = (text: string): string[] =>
  text
    .replace(/^Reports differ:\s*/, '')
    .replace(/No [^"]+ in the documents for "[^"]*"\./g, '')
    .split(/\s*\[\d+\]\.?\s*|…/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** A knowledge base of one report, made of the given sentences. */
const oneReport = (body: string) => makeIndex([{ id: 'report', title: 'Report', body }]);

/** The best-ranked candidate's check for a question asked of one report. */
function bestCheck(body: string, question: string): Check | undefined {
  let best: Check | undefined;
  answer(oneReport(body), question, { onCheck: (_, b) => (best = b) });
  return best;
}

describe('answer verifies before answering', () => {
  it('GIVEN a question about the look-alike defendant that only the main one answers THEN it abstains', () => {
    // Markin's arrest has no hotel and no age; Dorokhov's does.
    const a = answer(index, 'How old is Oleg Markin?');
    expect(a.answered).toBe(false);
    expect(a.text.startsWith(NO_ANSWER)).toBe(true);
    expect(a.missing).toContain('Oleg Markin');
  });

  it('GIVEN "how old" and a report that holds counts but no age THEN it abstains: a count is not an age', () => {
    const counts = oneReport(
      'Analysts place Pavel Orlov seventh among the ten worst spammers, with 40 servers.',
    );
    const a = answer(counts, 'How old is Orlov?');
    expect(a.answered).toBe(false);
    expect(a.missing).toContain('age');
    expect(answer(counts, 'What is the age of Orlov?').answered).toBe(false);
  });

  it('GIVEN a question about money and a report that holds only counts THEN it abstains: a count is not money', () => {
    const counts = oneReport('Pavel Orlov appeared in Courtroom No. 7 for his bail hearing, with 3 lawyers.');
    expect(answer(counts, 'How much bail did Orlov post?').answered).toBe(false);
    expect(answer(counts, 'What was the bail for Orlov?').answered).toBe(false);
  });

  it('GIVEN "how many" and a report whose only number is a duration THEN it abstains: a duration is not a count', () => {
    const spans = oneReport(
      'Pavel Orlov was acquitted after his lawyer asked the court for 36 months of review.',
    );
    expect(answer(spans, 'How many counts was Orlov acquitted on?').answered).toBe(false);
  });

  it('GIVEN "how long" THEN a duration that dates something else ("seven months after") is not the length asked', () => {
    const asked = 'How long was Orlov sentenced to?';
    expect(
      bestCheck('The judge passed sentence on Orlov seven months after the verdict.', asked)?.values,
    ).toEqual([]);
    expect(bestCheck('The judge sentenced Orlov to nine years in prison.', asked)?.values).toEqual([
      'duration:9 year',
    ]);
  });

  it('GIVEN "which restaurant" THEN a place far from the word does not count as the answer, one by it does', () => {
    const typedOf = (body: string) => bestCheck(body, 'Which restaurant did Orlov hack?')?.typed;
    expect(
      typedOf(
        'Pavel Orlov grew up in Lisbon and, according to the indictment filed last spring, hacked a restaurant.',
      ),
    ).toBe(false);
    expect(typedOf('Pavel Orlov hacked a restaurant in Porto.')).toBe(true);
  });

  it('GIVEN the most a charge carries and the sentence given THEN "how many years did he get" cites the sentence given', () => {
    const kb = makeIndex([
      {
        id: 'charges',
        title: 'Orlov charged',
        body: 'Pavel Orlov faces up to 20 years in prison on the fraud charges filed in Porto.',
      },
      {
        id: 'verdict',
        title: 'Orlov sentenced',
        body: 'A judge gave Pavel Orlov 12 years in prison on Monday.',
      },
    ]);
    const a = answer(kb, 'How many years did Orlov get?');
    expect(a.text).toContain('12 years');
    expect(a.text).not.toContain('20 years');
    // Asked for the most he could get, the charge is the answer.
    expect(answer(kb, 'What is the maximum Orlov faces?').text).toContain('20 years');
  });

  it('GIVEN "where" THEN a place that only modifies a noun ("U.S. accounts") is not taken for where it happened', () => {
    const answersOf = (body: string) => bestCheck(body, 'Where was Orlov arrested?')?.values;
    expect(answersOf('U.S. accounts of the arrest of Pavel Orlov have not matched.')).toEqual([]);
    expect(answersOf('Pavel Orlov was arrested at the airport in Faro.')).toEqual(['place:faro']);
    // A verb after the place: the place is the one acting, not a modifier.
    const actor = bestCheck(
      'Portugal considered arresting Pavel Orlov.',
      'Which country considered arresting Orlov?',
    );
    expect(actor?.values).toEqual(['place:portugal']);
  });

  it('GIVEN "who" THEN a place counts only as the one acting, not where something happened or as a modifier', () => {
    const answersOf = (body: string) => bestCheck(body, 'Who arrested Orlov?')?.values;
    expect(answersOf('Before his arrest Pavel Orlov lived in Faro.')).toEqual([]);
    expect(answersOf('U.S. accounts of the arrest of Pavel Orlov have not matched.')).toEqual([]);
    expect(answersOf('Portugal arrested Pavel Orlov last year.')).toEqual(['place:portugal']);
  });

  it('GIVEN a sentence with several answers of the asked type THEN the one nearest the asked event comes first', () => {
    const values = bestCheck(
      'Pavel Orlov, who had lived in Lisbon for years, was arrested in Faro.',
      'Where was Orlov arrested?',
    )?.values;
    expect(values?.[0]).toBe('place:faro');
    expect(values).toContain('place:lisbon');
  });

  it('GIVEN a long sentence whose answer follows a colon THEN the trimmed quote keeps the answer', () => {
    const kb = oneReport(
      'Among those freed in the exchange were two Portuguese citizens: Pavel Orlov, a programmer from Faro, and Rui Costa, a reporter for a Lisbon daily; both had been held in Moscow for more than a year before the talks.',
    );
    const a = answer(kb, 'Which Portuguese were freed in the exchange?');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('Pavel Orlov');
  });

  it('GIVEN a question whose event the documents never report for that person THEN it abstains', () => {
    expect(answer(index, 'When was Dorokhov sentenced?').answered).toBe(false);
  });

  it('GIVEN the look-alike asked about by name THEN the answer is about him, not the main defendant', () => {
    const a = answer(index, 'Where was Markin sentenced?');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('Madrid');
    expect(a.citations[0]!.documentId).toBe('other-case');
  });

  it('GIVEN a negated question THEN the sentence that states the negation is cited', () => {
    const a = answer(index, 'When did Dorokhov plead not guilty?');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('July 19');
  });

  it('GIVEN two reports that give different ages THEN both are shown, each cited with its source and date', () => {
    const a = answer(index, 'How old is Dorokhov?');
    expect(a.answered).toBe(true);
    expect(a.differ).toBe(true);
    expect(a.text.startsWith('Reports differ:')).toBe(true);
    expect(a.text).toContain('36');
    expect(a.text).toContain('37');
    expect(new Set(a.citations.map((c) => c.documentId))).toEqual(new Set(['arrest-wire', 'arrest-daily']));
    expect(a.citations.map((c) => [c.source, c.date])).toContainEqual(['Wire report', '2019-03-04']);
  });

  it('GIVEN a two-part question whose second part the documents lack THEN the first is answered and the second named as missing', () => {
    const a = answer(index, 'Who is his lawyer and how much was she paid?');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('Ana Ruiz');
    expect(a.missing).toMatch(/^No number or amount in the documents for/);
  });

  it('GIVEN "he" and no name THEN the question is about the main subject of the case file', () => {
    const a = answer(index, 'Where was he detained?');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('Valencia');
    expect(a.citations[0]!.passage).toMatch(/Dorokhov/);
  });

  it('GIVEN any answer THEN every word of it, apart from markers and connecting phrases, is quoted from a cited sentence', () => {
    const questions = [
      'How old is Dorokhov?',
      'Where was he detained?',
      'Who is his lawyer and how much was she paid?',
      'When did Dorokhov plead not guilty?',
      'How many computers did the botnet infect?',
      'Where was Markin sentenced?',
    ];
    for (const q of questions) {
      const a = answer(index, q);
      if (!a.answered) continue;
      for (const span of quotedSpans(a.text)) {
        expect(
          a.citations.some((c) => c.passage.includes(span)),
          `${q}: "${span}"`,
        ).toBe(true);
      }
    }
  });
});

describe('a lead-in sentence', () => {
  const listed = makeIndex([
    {
      id: 'verdict',
      title: 'Jury convicts Ivan Dorokhov',
      body: [
        'The counts on which the jury convicted Ivan Dorokhov are:',
        '',
        '- six counts of wire fraud;',
        '- two counts of money laundering.',
        '',
        'Sentencing is set for June.',
      ].join('\n'),
    },
  ]);

  it('GIVEN the best sentence ends with a colon THEN what it introduces follows it, cited from the list', () => {
    const a = answer(listed, 'What was Dorokhov convicted of?');
    expect(a.answered).toBe(true);
    expect(a.citations[0]?.passage).toMatch(/:$/);
    expect(a.citations[1]?.passage).toMatch(/wire fraud/);
    expect(a.text).toMatch(/are: \[1\] six counts of wire fraud/);
  });
});
