import type { SearchIndex } from '../search/build-index.js';
import { FIELD_BOOST } from '../search/build-index.js';
import type { Concept } from './concepts.js';

export interface Candidate {
  /** Passage number in the knowledge base. */
  readonly i: number;
  readonly score: number;
}

export const CANDIDATE_LIMIT = 40;

/**
 * First stage: BM25 over sentences with every form of every concept, synonyms and corrections weighted
 * down. Only forms the index knows are sent, so no time goes into fuzzy matching at query time.
 */
export function retrieveCandidates(index: SearchIndex, concepts: readonly Concept[]): Candidate[] {
  const credit = new Map<string, number>();
  for (const c of concepts) {
    for (const [form, value] of c.forms) {
      if (index.vocab.df.has(form)) credit.set(form, Math.max(credit.get(form) ?? 0, value));
    }
  }
  if (credit.size === 0) return [];
  const results = index.mini.search([...credit.keys()].join(' '), {
    boost: FIELD_BOOST,
    boostTerm: (term) => credit.get(term) ?? 1,
  });
  return results.slice(0, CANDIDATE_LIMIT).map((r) => ({ i: r.id as number, score: r.score }));
}
