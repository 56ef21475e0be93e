import { describe, expect, it } from 'vitest';
import { assembleFromParts, indexParts } from '../../../src/core/search/index-parts.js';
import { indexData, withoutTags } from '../../../src/core/search/search-index.js';
import { termsOf } from '../../../src/core/text/terms.js';
import { makeIndex } from '../../support/make-index.js';

const index = makeIndex([
  { id: 'a', title: 'A', body: 'First sentence here. Second one on March 3, 2021.\n\nA new paragraph.' },
  { id: 'b', title: 'B', body: 'Another document.' },
]);

describe('SearchIndex accessors', () => {
  it('GIVEN passage numbers THEN each is its passage, and a number no passage has is a RangeError', () => {
    expect(index.passageCount).toBe(4);
    expect(index.passage(1)).toMatchObject({ documentId: 'a', text: 'Second one on March 3, 2021.' });
    expect(index.passage(3).documentId).toBe('b');
    expect(() => index.passage(4)).toThrow(RangeError);
    expect(() => index.passage(-1)).toThrow(RangeError);
  });

  it('GIVEN a passage number THEN its terms, labels and mentions are those of that passage', () => {
    expect(index.terms(1)).toEqual(termsOf('Second one on March 3, 2021.'));
    expect(index.labels(3)).toEqual(new Set(termsOf('B')));
    expect(index.mentions(1)?.map((m) => m.type)).toContain('date');
    expect(index.mentions(3)).toEqual([]);
    expect(() => index.terms(4)).toThrow(RangeError);
    expect(() => index.mentions(4)).toThrow(RangeError);
  });

  it("GIVEN an index built, or assembled from its saved parts, THEN each passage's distinct terms are counted right", async () => {
    const kb = makeIndex([
      { id: 'r', title: 'R', body: 'The the the cat sat. Sat sat.\n\nOf the.\n\nA dog, a cat and a bird.' },
    ]);
    const restored = await assembleFromParts(indexParts(kb));
    for (const ix of [kb, restored]) {
      const counts = Array.from({ length: ix.passageCount }, (_, i) => ix.distinctTerms(i));
      const expected = Array.from({ length: ix.passageCount }, (_, i) => new Set(ix.terms(i)).size);
      expect(counts).toEqual(expected);
    }
    // A passage of stop words only has no terms, though MiniSearch gives it a length of 1.
    expect(kb.terms(2)).toEqual([]);
    expect(kb.distinctTerms(2)).toBe(0);
  });

  it('GIVEN document and passage ids THEN the index finds them, and says nothing of ids it does not hold', () => {
    expect(index.documentCount).toBe(2);
    expect(index.documents().map((d) => d.id)).toEqual(['a', 'b']);
    expect(index.document('b')?.title).toBe('B');
    expect(index.document('c')).toBeUndefined();
    expect([index.passagesOf('a'), index.passagesOf('b'), index.passagesOf('c')]).toEqual([3, 1, 0]);
    expect(index.passageNumber(index.passage(2).id)).toBe(2);
    expect(index.passageNumber('no such passage')).toBeUndefined();
    expect(index.warnings).toEqual([]);
  });

  it('GIVEN an index term THEN its postings are the passages holding it, with how often', () => {
    const seen: [number, number][] = [];
    index.postings().forEach(termsOf('document')[0]!, (i, tf) => seen.push([i, tf]));
    expect(seen).toEqual([[3, 1]]);
    expect(index.vocabulary.df.get(termsOf('document')[0]!)).toBe(1);
    index.postings().forEach('absent', () => expect.unreachable());
  });

  it('GIVEN two passage numbers THEN they share a paragraph only within one paragraph of one document', () => {
    expect(index.sameParagraph(0, 1)).toBe(true);
    expect(index.sameParagraph(1, 2)).toBe(false);
    expect(index.sameParagraph(2, 3)).toBe(false);
    expect(index.sameParagraph(0, -1)).toBe(false);
    expect(index.sameParagraph(3, 4)).toBe(false);
  });

  it('GIVEN an index without its tags THEN its passages are the same, its accessors too, and no tags are left', () => {
    const untagged = withoutTags(index);
    expect(indexData(index).tags.flat().length).toBeGreaterThan(0);
    expect(indexData(untagged).tags).toEqual([]);
    expect(untagged.mentions(1)).toBeUndefined();
    expect(untagged.passage(1)).toBe(index.passage(1));
    expect(untagged.document('b')).toBe(index.document('b'));
    expect(withoutTags(index)).toBe(untagged);
  });
});
