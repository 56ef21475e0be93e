import { describe, expect, it } from 'vitest';
import { FIRST_STAGE, retrieveCandidates } from '../../../src/core/answer/candidates.js';
import { buildConcepts, formIndex, type Concept } from '../../../src/core/answer/concepts.js';
import { postingsOf } from '../../../src/core/search/postings.js';
import { indexData } from '../../../src/core/search/search-index.js';
import { analyseQuestion } from '../../../src/core/answer/question.js';
import type { SearchIndex } from '../../../src/core/index.js';
import { makeIndex } from '../../support/make-index.js';

// A small archive where frequent words ("report", "court") are in most sentences and rare ones in few,
// so the first stage stops early on some questions and reads everything on others.
const WORDS = ['court', 'report', 'police', 'spam', 'botnet', 'arrest', 'madrid', 'judge', 'lawyer', 'trial'];
function archive(): SearchIndex {
  let seed = 11;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const sentences = Array.from({ length: 400 }, (_, k) => {
    const words = WORDS.filter((_, j) => next() < 0.9 / (j + 1));
    return `Item ${k} about ${words.join(' and ') || 'nothing'} here.`;
  });
  return makeIndex([
    { id: 'a', body: sentences.slice(0, 200).join(' ') },
    { id: 'b', body: sentences.slice(200).join(' ') },
  ]);
}

/** The weight of the question's concepts each passage holds, by reading every passage. */
function heldByScan(index: SearchIndex, concepts: readonly Concept[]): number[] {
  return indexData(index).passageTerms.map((terms) =>
    concepts.reduce((sum, c) => sum + c.weight * Math.max(0, ...terms.map((t) => c.forms.get(t) ?? 0)), 0),
  );
}

describe('first stage', () => {
  const index = archive();

  it('GIVEN MiniSearch 7 THEN postings read from its index equal those its search returns', () => {
    const fast = index.postings();
    const slow = postingsOf(indexData(index).mini, 'text', { forceSearch: true });
    for (const term of ['court', 'spam', 'trial', 'absent']) {
      const a: number[] = [];
      const b: number[] = [];
      fast.forEach(term, (i) => a.push(i));
      slow.forEach(term, (i) => b.push(i));
      expect(a.sort((x, y) => x - y)).toEqual(b.sort((x, y) => x - y));
    }
  });

  it.each([
    'court report police',
    'spam botnet arrest in madrid',
    'lawyer trial judge court',
    'report',
    'arrest the spam botnet lawyer trial judge madrid police court report',
  ])('GIVEN "%s" THEN its candidates are the sentences holding most of its weight', (question) => {
    const analysed = analyseQuestion(question);
    const concepts = buildConcepts(analysed.terms, index.vocabulary, analysed.typeTerms);
    const got = retrieveCandidates(index, concepts, formIndex(concepts));
    const held = heldByScan(index, concepts);
    const weightOrder = [...held.keys()].sort((x, y) => held[y]! - held[x]!);
    const kth = held[weightOrder[FIRST_STAGE.candidates - FIRST_STAGE.bm25Places - 1]!]!;
    // Early termination never loses a sentence the full scan ranks above the weight places' cut-off…
    for (const i of weightOrder.filter((i) => held[i]! > kth)) expect(got.map((c) => c.i)).toContain(i);
    // …and every candidate holds at least one of the question's concepts.
    expect(got.length).toBe(Math.min(FIRST_STAGE.candidates, held.filter((h) => h > 0).length));
    for (const c of got) expect(held[c.i]).toBeGreaterThan(0);
  });

  it('GIVEN rare words held together by many sentences and a word in all THEN reading stops early and loses none', () => {
    // 2,000 sentences say "court"; 25 also say "lawyer" and "trial", 40 more "lawyer", 5 "court" twice.
    const body = Array.from({ length: 2000 }, (_, k) =>
      k < 25
        ? `Case ${k} went to court with a lawyer at trial.`
        : k < 65
          ? `Case ${k} went to court with a lawyer.`
          : k < 70
            ? `Case ${k} went to court, the court said.`
            : `Case ${k} went to court.`,
    ).join(' ');
    const big = makeIndex([{ id: 'c', body }]);
    const analysed = analyseQuestion('lawyer trial court');
    const concepts = buildConcepts(analysed.terms, big.vocabulary, analysed.typeTerms);
    const got = retrieveCandidates(big, concepts, formIndex(concepts)).map((c) => c.i);
    const held = heldByScan(big, concepts);
    const best = Math.max(...held);
    // The 25 sentences holding every word come first, though "court" (2,000 postings) was never read,
    // then the 40 with "lawyer"; none of the 5 saying only "court" twice.
    expect(held.filter((h) => h === best)).toHaveLength(25);
    expect(got.slice(0, 25).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, k) => k));
    expect(got.every((i) => i < 65)).toBe(true);
  });

  it('GIVEN a question about nothing in the archive THEN there are no candidates', () => {
    const analysed = analyseQuestion('what about the weather in Paris');
    const concepts = buildConcepts(analysed.terms, index.vocabulary, analysed.typeTerms);
    expect(retrieveCandidates(index, concepts, formIndex(concepts))).toEqual([]);
  });

  it('GIVEN a question word the documents only say through a WordNet synonym THEN that sentence is a candidate', () => {
    const small = makeIndex([
      { id: 'd', body: 'The fiscal year ended in June. The court met in May. Police filed a report.' },
    ]);
    const analysed = analyseQuestion('what was financial');
    const concepts = buildConcepts(analysed.terms, small.vocabulary, analysed.typeTerms);
    // The answerer's own forms of "financial" do not include "fiscal"…
    expect(concepts.some((c) => c.forms.has('fiscal'))).toBe(false);
    const got = retrieveCandidates(small, concepts, formIndex(concepts)).map((c) => c.i);
    // …but the first stage reads it, so the sentence reaches the reranker.
    expect(got).toContain(0);
  });
});
