import { describe, expect, it } from 'vitest';
import { conflicting, disagreeing } from '../../../src/core/answer/disagreement.js';
import { TUNING, type Check } from '../../../src/core/index.js';
import { makeIndex } from '../../support/make-index.js';

describe('conflicting: which two typed values are two reports of one fact', () => {
  it('GIVEN two ages THEN they conflict', () => {
    expect(conflicting('age:36', 'age:37')).toBe(true);
  });

  it('GIVEN an age and a count THEN they do not: "29-year-old" and "up to 10 years" answer different things', () => {
    expect(conflicting('age:29', 'count:10')).toBe(false);
  });

  it('GIVEN two days a day apart THEN they conflict (21 against 22 April)', () => {
    expect(conflicting('date:2017-04-21', 'date:2017-04-22')).toBe(true);
  });

  it('GIVEN two days months apart THEN they do not: that is another event of the same kind', () => {
    expect(conflicting('date:2017-04-22', 'date:2017-11-30')).toBe(false);
  });

  it('GIVEN a year and a day of the next year THEN they conflict at the coarser precision', () => {
    expect(conflicting('date:2008', 'date:2009-03-01')).toBe(true);
    expect(conflicting('date:2008', 'date:2012-03-01')).toBe(false);
  });

  it('GIVEN two months a month apart THEN they conflict; a year apart THEN not', () => {
    expect(conflicting('date:2014-07', 'date:2014-08-02')).toBe(true);
    expect(conflicting('date:2014-07', 'date:2015-07')).toBe(false);
  });
});

describe('disagreeing: which other report gives a different answer', () => {
  const index = makeIndex([
    { id: 'a', title: 'A', body: 'Report one.' },
    { id: 'b', title: 'B', body: 'Report two.' },
  ]);
  // Two checks that pass everything but the values: the values decide.
  const check = (i: number, values: string[], score: number): Check => ({
    i,
    coverage: 1,
    missing: 0,
    event: 1,
    unknown: 0,
    eventAsked: true,
    typed: true,
    focus: 1,
    negation: false,
    proximity: 1,
    near: 1,
    quoted: 0,
    values,
    spans: values.map((_, k) => [k * 10, k * 10 + 5] as const),
    features: [1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 0],
    score,
    share: 0.5,
  });
  const other = (best: string[], next: string[]) => {
    const b = check(0, best, 10);
    return disagreeing(index, { ranked: [b, check(1, next, 9.9)], best: { check: b } }, TUNING.confidence);
  };

  it('GIVEN answers nearest the event that conflict THEN the other report differs', () => {
    expect(other(['place:moscow'], ['place:vladivostok', 'org:fbi'])?.i).toBe(1);
  });

  it('GIVEN the other report answers with another kind THEN a conflicting place it names further off does not count', () => {
    // "Moscow has always maintained the arrest…" against "arrested by Secret Service agents … with the
    // United States": the second answers with the agency, not with a country.
    expect(other(['place:moscow'], ['org:secret service', 'place:united states'])).toBeUndefined();
  });

  it('GIVEN the other report also gives the best answer THEN they agree', () => {
    expect(other(['place:moscow'], ['place:vladivostok', 'place:moscow'])).toBeUndefined();
  });
});
