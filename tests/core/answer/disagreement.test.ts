import { describe, expect, it } from 'vitest';
import { conflicting } from '../../../src/core/answer/disagreement.js';

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
