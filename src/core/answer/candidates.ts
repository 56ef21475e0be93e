import type { SearchIndex } from '../search/build-index.js';
import type { Concept } from './concepts.js';

export interface Candidate {
  /** Passage number in the knowledge base. */
  readonly i: number;
  readonly score: number;
}

export const CANDIDATE_LIMIT = 40;
const PREFILTER_POOL = 400;
/**
 * Most postings the first stage reads. The rarest forms go first; frequent ones ("state", "war" in a
 * century of speeches) are left to the reranker, which still checks them on every candidate. Cost then
 * follows what is rare in the question, not the size of the archive.
 */
export const POSTINGS_BUDGET = 1000;

/**
 * First stage: BM25 over sentences with the question's forms, synonyms and corrections weighted down.
 * Only forms the index knows are sent, so no time goes into fuzzy matching at query time.
 */
export function retrieveCandidates(
  index: SearchIndex,
  concepts: readonly Concept[],
  conceptOf: ReadonlyMap<string, number>,
): Candidate[] {
  const credit = new Map<string, number>();
  for (const c of concepts) {
    for (const [form, value] of c.forms) {
      if (index.vocab.df.has(form)) credit.set(form, Math.max(credit.get(form) ?? 0, value));
    }
  }
  const byRarity = [...credit.keys()].sort(
    (a, b) => index.vocab.df.get(a)! - index.vocab.df.get(b)! || (a < b ? -1 : 1),
  );
  const query: string[] = [];
  let postings = 0;
  for (const form of byRarity) {
    const df = index.vocab.df.get(form)!;
    if (query.length > 0 && postings + df > POSTINGS_BUDGET) break;
    query.push(form);
    postings += df;
  }
  if (query.length === 0) return [];
  const results = index.mini.search(query.join(' '), { boostTerm: (term) => credit.get(term) ?? 1 });
  // BM25 saw only the rare forms, so many sentences may tie on them. Before the full rerank, a wider
  // pool is ordered by the weight of all the question's concepts each sentence holds (a set lookup per
  // term), so the sentence that also has the frequent words is not lost in the tie.
  const held = (i: number): number => {
    const seen = new Set<number>();
    for (const t of index.passageTerms[i]!) {
      const k = conceptOf.get(t);
      if (k !== undefined) seen.add(k);
    }
    let w = 0;
    for (const k of seen) w += concepts[k]!.weight;
    return w;
  };
  const top = results[0]?.score ?? 1;
  return results
    .slice(0, PREFILTER_POOL)
    .map((r) => ({ i: r.id as number, score: r.score, rank: held(r.id as number) + r.score / top }))
    .sort((a, b) => b.rank - a.rank || a.i - b.i)
    .slice(0, CANDIDATE_LIMIT)
    .map(({ i, score }) => ({ i, score }));
}
