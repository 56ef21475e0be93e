import type { SearchIndex } from '../search/build-index.js';
import type { Concept } from './concepts.js';

export interface Candidate {
  /** Passage number in the knowledge base. */
  readonly i: number;
  readonly score: number;
}

export const CANDIDATE_LIMIT = 40;
/**
 * Most postings the first stage reads. The rarest forms go first; frequent ones ("state", "war" in a
 * century of speeches) are left to the reranker, which still checks them on every candidate. Cost then
 * follows what is rare in the question, not the size of the archive.
 */
export const POSTINGS_BUDGET = 1500;

/**
 * First stage: BM25 over sentences with the question's forms, synonyms and corrections weighted down.
 * Only forms the index knows are sent, so no time goes into fuzzy matching at query time.
 */
export function retrieveCandidates(index: SearchIndex, concepts: readonly Concept[]): Candidate[] {
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
  return results.slice(0, CANDIDATE_LIMIT).map((r) => ({ i: r.id as number, score: r.score }));
}
