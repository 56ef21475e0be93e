import { wordnetLinks } from '../lexicon/table.js';
import type { Concept } from './concepts.js';

/** How the first stage widens a question's words with WordNet synonyms (see `widenForRecall`). */
export interface RecallSynonyms {
  /** Largest sense rank of a synonym link used (`WordNetLink.rank`, 1 = the commonest sense). */
  readonly maxRank: number;
  /** How fully such a synonym counts in place of the question's word. */
  readonly credit: number;
  /** At most this many synonyms per question word. */
  readonly maxTerms: number;
}

/**
 * The question's concepts with WordNet synonyms of each word added as forms, for the first stage only.
 * The answerer's own expansion leaves synonyms out (they cost right answers, see `LEXICON_TUNING`), but a
 * question that says "financial" where the document says "fiscal" must still bring that sentence to the
 * reranker, which then judges it on the question's own words. A synonym another concept already owns
 * stays that concept's; the knowledge base must hold it.
 */
export function widenForRecall(
  concepts: readonly Concept[],
  conceptOf: ReadonlyMap<string, number>,
  known: ReadonlyMap<string, number>,
  synonyms: RecallSynonyms,
): { concepts: Concept[]; conceptOf: Map<string, number> } {
  const wideOf = new Map(conceptOf);
  const wide = concepts.map((c, k) => {
    let forms: Map<string, number> | undefined;
    let added = 0;
    for (const l of wordnetLinks(c.term)) {
      if (added >= synonyms.maxTerms) break;
      if (l.link !== 'synonym' || l.rank > synonyms.maxRank) continue;
      if (wideOf.has(l.stem) || !known.has(l.stem)) continue;
      forms ??= new Map(c.forms);
      forms.set(l.stem, synonyms.credit);
      wideOf.set(l.stem, k);
      added++;
    }
    return forms ? { ...c, forms } : c;
  });
  return { concepts: wide, conceptOf: wideOf };
}
