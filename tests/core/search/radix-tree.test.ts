import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { radixTreeOf } from '../../../src/core/search/radix-tree.js';

describe('radixTreeOf', () => {
  it('GIVEN sorted terms THEN the tree holds what inserting them one by one holds, fuzzy matches included', async () => {
    const terms = [
      ...new Set([
        'a',
        'ab',
        'abc',
        'abd',
        'b',
        'ba',
        'detain',
        'detent',
        'detention',
        'détenu',
        'x'.repeat(300),
        'x'.repeat(301),
      ]),
    ].sort();
    const built = await radixTreeOf(terms, (k) => k);
    const inserted = new SearchableMap<number>();
    terms.forEach((t, k) => inserted.set(t, k));
    expect(new Map(built)).toEqual(new Map(inserted));
    for (const probe of ['abe', 'detension', 'b', 'x'.repeat(299)]) {
      expect(new Map(built.fuzzyGet(probe, 2))).toEqual(new Map(inserted.fuzzyGet(probe, 2)));
      expect([...built.atPrefix(probe.slice(0, 2)).keys()].sort()).toEqual(
        [...inserted.atPrefix(probe.slice(0, 2)).keys()].sort(),
      );
    }
  });

  it('GIVEN unsorted terms THEN it refuses them', async () => {
    await expect(radixTreeOf(['b', 'a'], () => 0)).rejects.toThrow(/sorted/);
  });
});
