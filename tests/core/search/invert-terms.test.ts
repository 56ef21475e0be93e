import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { miniSearchOptions } from '../../../src/core/search/build-index.js';
import { TermInverter } from '../../../src/core/search/invert-terms.js';
import { miniParts } from '../../../src/core/search/mini-parts.js';
import { termColumns, termsFromColumns } from '../../../src/core/search/packed-passages.js';
import { termsOf } from '../../../src/core/text/terms.js';

/** What the index held when MiniSearch built it: the reference the inverter must match exactly. */
function viaMiniSearch(lists: readonly (readonly string[])[]) {
  const mini = new MiniSearch<{ i: number; text: string }>(miniSearchOptions);
  mini.addAll(lists.map((terms, i) => ({ i, text: terms.join(' ') })));
  return miniParts(mini);
}

function inverted(lists: readonly (readonly string[])[]) {
  const inverter = new TermInverter('text');
  for (const terms of lists) inverter.add(terms);
  return inverter.finish();
}

const sortedDistinct = (lists: readonly (readonly string[])[]): string[] =>
  [...new Set(lists.flat())].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe('TermInverter', () => {
  it('GIVEN real sentences, repeated terms and empty passages THEN it holds what MiniSearch built', async () => {
    const lists = [
      'The President shall, from time to time, give to the Congress information of the state of the union.',
      '',
      'Levashov was detained in Barcelona; Levashov denied running the Kelihos botnet. The botnet sent spam.',
      'and the of',
      'State of the union: the state of the state.',
      'Élan, café, naïve: Ärger über Überstunden.',
    ].map(termsOf);
    const got = inverted(lists);
    expect(got.mini).toEqual(viaMiniSearch(lists));
    expect(got.vocab.terms).toEqual(sortedDistinct(lists));
    expect([...got.vocab.df]).toEqual(
      got.vocab.terms.map((t) => lists.filter((terms) => terms.includes(t)).length),
    );
    expect(await termsFromColumns(got.passageTerms, got.vocab.terms)).toEqual(lists);
  });

  it('GIVEN any term lists THEN the postings, lengths and average are MiniSearch’s to the last bit', () => {
    const term = fc.stringMatching(/^[a-zé0-9]{1,6}$/);
    fc.assert(
      fc.property(fc.array(fc.array(term, { maxLength: 12 }), { maxLength: 40 }), (lists) => {
        const got = inverted(lists);
        expect(got.mini).toEqual(viaMiniSearch(lists));
        // A built index saves these columns as they are (rememberTermColumns): they must be termColumns'.
        expect(got.passageTerms).toEqual(termColumns(lists, got.vocab.terms));
      }),
      { numRuns: 200 },
    );
  });

  it('GIVEN no passages THEN the index is empty, as a MiniSearch with nothing added', () => {
    expect(inverted([]).mini).toEqual(viaMiniSearch([]));
    expect(inverted([]).vocab).toEqual({ passageCount: 0, terms: [], df: new Uint32Array(0) });
  });
});
