import { correctTerm, idf, type Vocabulary } from '../search/vocabulary.js';
import { relatedTermsOf } from './synonyms.js';

/** One content word of the question with the index terms that may stand for it in a passage. */
export interface Concept {
  readonly term: string;
  /** How much finding this concept matters: its rarity in the knowledge base. */
  readonly weight: number;
  /** term → how fully it counts (1 the word itself, less for a synonym or a typo correction). */
  readonly forms: ReadonlyMap<string, number>;
}

export const CORRECTION_CREDIT = 0.9;

/**
 * Expands question terms into concepts. A term the knowledge base has never seen is first read as a typo
 * of a near known term; if there is none, the concept keeps the weight of a term found nowhere, so a
 * question about something absent (France, a poem) cannot be covered and the answerer abstains.
 */
/** "country" in "what country" names the answer's type: half weight, the topic words matter more. */
export const TYPE_WORD_FACTOR = 0.5;
/**
 * Added to every idf so that a question's frequent topic word ("Normandy" in an article on the Normans)
 * still counts when missing: pure idf would let a sentence without it win on rarer side words.
 */
export const WEIGHT_FLOOR = 2;
/**
 * The least weight of a word the knowledge base never uses. In a small knowledge base idf barely tells
 * "rare" from "absent"; absent words are the best sign that the documents don't say.
 */
export const UNKNOWN_WEIGHT = 6;

/**
 * Each form's concept (the first that has it), built once per question: retrieval, reranking and
 * trimming all map passage terms to concepts with one lookup instead of scanning every concept.
 */
export function formIndex(concepts: readonly Concept[]): ReadonlyMap<string, number> {
  const index = new Map<string, number>();
  concepts.forEach((c, k) => c.forms.forEach((_, form) => index.has(form) || index.set(form, k)));
  return index;
}

export function buildConcepts(
  terms: readonly string[],
  vocab: Vocabulary,
  typeTerms: ReadonlySet<string> = new Set(),
): Concept[] {
  return terms.map((term) => {
    const forms = new Map<string, number>([[term, 1]]);
    let weight = vocab.df.has(term) ? idf(vocab, term) : Math.max(idf(vocab, term), UNKNOWN_WEIGHT);
    if (!vocab.df.has(term)) {
      const corrections = correctTerm(vocab, term);
      for (const c of corrections) forms.set(c, CORRECTION_CREDIT);
      if (corrections.length > 0) weight = Math.max(...corrections.map((c) => idf(vocab, c)));
    }
    for (const base of [...forms.keys()]) {
      for (const r of relatedTermsOf(base))
        if (!forms.has(r.term)) forms.set(r.term, r.credit * forms.get(base)!);
    }
    weight += WEIGHT_FLOOR;
    if (typeTerms.has(term)) weight *= TYPE_WORD_FACTOR;
    return { term, weight, forms };
  });
}
