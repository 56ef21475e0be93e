import type { SearchIndex } from '../search/build-index.js';
import type { Candidate } from './candidates.js';
import type { Concept } from './concepts.js';
import { holdsKind } from './kinds.js';
import { proximity } from './proximity.js';
import type { AnalysedQuestion } from './question.js';

export interface Scored {
  readonly i: number;
  /** Share of the question's (rarity-weighted) concepts found in the sentence or, at a discount, around it. */
  readonly coverage: number;
  /** For each question part, whether the sentence holds an answer of the kind that part asks for. */
  readonly kinds: readonly boolean[];
  readonly score: number;
}

/** A concept found only next to the sentence (its neighbours, heading, title) counts this much. */
export const CONTEXT_CREDIT = 0.5;
const KIND_BONUS = 0.25;
const RETRIEVAL_BONUS = 0.1;
const PROXIMITY_BONUS = 0.1;

/** Terms a reader sees around a sentence: its title, heading and neighbours in the same paragraph. */
function neighbourTerms(index: SearchIndex, i: number): Set<string> {
  const p = index.kb.passages[i]!;
  const out = new Set(index.labelTerms[i]);
  for (const j of [i - 1, i + 1]) {
    const q = index.kb.passages[j];
    if (q && q.documentId === p.documentId && q.paragraph === p.paragraph) {
      for (const t of index.passageTerms[j]!) out.add(t);
    }
  }
  return out;
}

/**
 * Second stage: scores candidates by what a reader would check. Does the sentence mention what was asked
 * (coverage, rare words weighing more)? Does it contain the kind of thing asked for? Retrieval's own
 * score only breaks near-ties.
 */
export function rerank(
  index: SearchIndex,
  question: AnalysedQuestion,
  concepts: readonly Concept[],
  conceptOf: ReadonlyMap<string, number>,
  candidates: readonly Candidate[],
): Scored[] {
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  const top = candidates[0]?.score ?? 1;
  const scored = candidates.map((cand) => {
    const terms = index.passageTerms[cand.i]!;
    const own = new Set(terms);
    const around = neighbourTerms(index, cand.i);
    const hits = terms.map((t) => conceptOf.get(t) ?? -1);
    let found = 0;
    for (const c of concepts) {
      let best = 0;
      for (const [form, credit] of c.forms) {
        if (own.has(form)) best = Math.max(best, credit);
        else if (around.has(form)) best = Math.max(best, credit * CONTEXT_CREDIT);
      }
      found += c.weight * best;
    }
    const coverage = total > 0 ? found / total : 0;
    const text = index.kb.passages[cand.i]!.text;
    const kinds = question.parts.map((part) => holdsKind(text, part, conceptOf));
    const score =
      coverage +
      (KIND_BONUS * kinds.filter(Boolean).length) / kinds.length +
      PROXIMITY_BONUS * proximity(hits) +
      RETRIEVAL_BONUS * (cand.score / top);
    return { i: cand.i, coverage, kinds, score };
  });
  return scored.sort((a, b) => b.score - a.score || a.i - b.i);
}
