import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { PackedTerms } from '../../../src/core/search/packed-terms.js';
import { termsOf } from '../../../src/core/text/terms.js';

const sorted = (terms: Iterable<string>): string[] =>
  [...new Set(terms)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** PackedTerms and the radix tree it stands in for, holding the same terms. */
function both(terms: readonly string[]): { packed: PackedTerms<number>; tree: SearchableMap<number> } {
  const tree = new SearchableMap<number>();
  terms.forEach((t, k) => tree.set(t, k));
  return { packed: new PackedTerms(terms, (k) => k), tree };
}

describe('PackedTerms', () => {
  it('GIVEN sorted terms THEN lookups and fuzzy matches are what MiniSearch’s radix tree gives', () => {
    const terms = sorted([
      '',
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
    ]);
    const { packed, tree } = both(terms);
    expect(new Map(packed)).toEqual(new Map(tree));
    expect(packed.size).toBe(tree.size);
    for (const probe of ['', 'a', 'abe', 'detension', 'b', 'detenu', 'x'.repeat(299), 'zzz']) {
      expect(packed.get(probe), probe).toBe(tree.get(probe));
      expect(packed.has(probe), probe).toBe(tree.has(probe));
      for (const distance of [0, 1, 2]) {
        expect(new Map(packed.fuzzyGet(probe, distance)), `${probe} ${distance}`).toEqual(
          new Map(tree.fuzzyGet(probe, distance)),
        );
      }
    }
  });

  it('GIVEN the vocabulary of real text and typos of its words THEN every fuzzy match is the radix tree’s', () => {
    const text =
      'The President shall, from time to time, give to the Congress information of the state of the union, ' +
      'and recommend to their consideration such measures as he shall judge necessary and expedient; ' +
      'detained, detention, detainee, determined, deterrent, Levashov, Seleznev, Klyushin, Burkov, ' +
      'Vladivostok, Maldives, racketeering, indictment, indicted, sentenced, sentencing, September 2017';
    const terms = sorted(termsOf(text));
    const { packed, tree } = both(terms);
    const typos = terms.flatMap((t) => [
      t.slice(1),
      t.slice(0, -1),
      `${t}s`,
      t.length > 2 ? t[1]! + t[0]! + t.slice(2) : t,
      t.replace(/[aeiou]/, 'y'),
    ]);
    for (const probe of [...terms, ...typos]) {
      for (const distance of [1, 2]) {
        expect(new Map(packed.fuzzyGet(probe, distance)), `${probe} ${distance}`).toEqual(
          new Map(tree.fuzzyGet(probe, distance)),
        );
      }
    }
  });

  it('GIVEN letters outside ASCII and queries of 31 to 33 code units THEN every fuzzy match is the radix tree’s', () => {
    // Up to 32 code units a query is compared by bit masks, one bit a position; longer ones walk the trie.
    const long = 'abcdefghijklmnopqrstuvwxyzabcdef'; // 32
    const terms = sorted([
      'détenu',
      'detenu',
      'détenus',
      'œuvre',
      'oeuvre',
      'straße',
      'strasse',
      'ab😀cd',
      'abcd',
      long,
      long.slice(0, 31),
      `${long}g`,
      `${long}gh`,
      long.replace('m', 'é'),
      'bacdefghijklmnopqrstuvwxyzabcdef',
    ]);
    const { packed, tree } = both(terms);
    const probes = [
      ...terms,
      'detenü',
      'dténu',
      'ouvre',
      'œuvr',
      'strase',
      'ab😁cd',
      'abcd😀',
      long.slice(1),
      `${long}x`,
      `x${long}`,
      long.replace('q', ''),
      long.replace('a', 'à'),
    ];
    for (const probe of probes) {
      for (const distance of [0, 1, 2, 3]) {
        expect(new Map(packed.fuzzyGet(probe, distance)), `${probe} ${distance}`).toEqual(
          new Map(tree.fuzzyGet(probe, distance)),
        );
      }
    }
  });

  it('GIVEN unsorted or repeated terms THEN it refuses them', () => {
    expect(() => new PackedTerms(['b', 'a'], () => 0)).toThrow(/sorted/);
    expect(() => new PackedTerms(['a', 'a'], () => 0)).toThrow(/sorted/);
  });
});
