import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { miniSearchOptions } from '../../../src/core/search/build-index.js';
import { TermInverter } from '../../../src/core/search/invert-terms.js';
import { miniFromParts, packedPostings } from '../../../src/core/search/mini-parts.js';
import { termsOf } from '../../../src/core/text/terms.js';

const SENTENCES = [
  'The botnet sent spam; the botnet was dismantled and the spam stopped.',
  '',
  'Levashov was arrested in Barcelona, then extradited.',
  'Spam, spam and more spam from the Kelihos botnet.',
  'Barcelona police detained him at the request of the United States.',
];

describe('packedPostings', () => {
  const lists = SENTENCES.map(termsOf);
  const tree = new MiniSearch<{ i: number; text: string }>(miniSearchOptions);
  tree.addAll(lists.map((terms, i) => ({ i, text: terms.join(' ') })));
  const inverter = new TermInverter('text');
  for (const terms of lists) inverter.add(terms);
  const packed = miniFromParts<{ i: number; text: string }>(inverter.finish().mini, miniSearchOptions);

  it('GIVEN a packed index THEN every term yields the passages and frequencies of MiniSearch’s own tree, in its order', () => {
    const read = packedPostings(packed, 'text');
    expect(read).toBeDefined();
    const fieldId = (tree as unknown as { _fieldIds: Record<string, number> })._fieldIds.text!;
    const index = (tree as unknown as { _index: Map<string, Map<number, Map<number, number>>> })._index;
    for (const term of [...new Set(lists.flat()), 'absent']) {
      const got: [number, number][] = [];
      read!(term, (passage, tf) => got.push([passage, tf]));
      expect(got, term).toEqual([...(index.get(term)?.get(fieldId) ?? [])]);
    }
    expect(lists.flat().filter((t) => t === 'spam').length).toBe(5);
  });

  it('GIVEN a MiniSearch that was not packed, or a field it does not index THEN there is no packed reader', () => {
    expect(packedPostings(tree, 'text')).toBeUndefined();
    expect(packedPostings(packed, 'title')).toBeUndefined();
  });
});
