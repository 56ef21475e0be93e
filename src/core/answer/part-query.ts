import type { SearchIndex } from '../search/search-index.js';
import { relatedStems } from '../lexicon/related.js';
import { wordnetLinks } from '../lexicon/table.js';
import type { Concept } from './concepts.js';
import type { TermSet } from './kinds.js';
import type { QuestionPart } from './question.js';
import { wordsOf } from '../text/words.js';
import { askedRun, type AskedRun } from './quoted-run.js';
import { relatedTermsOf } from './synonyms.js';
import { TUNING } from './tuning.js';

/** One part of a question as every candidate sentence is checked against it. */
export interface PartQuery {
  readonly part: QuestionPart;
  readonly concepts: readonly Concept[];
  readonly conceptOf: ReadonlyMap<string, number>;
  /** The entities the part is about, each as the indexes into `concepts` of its name words. */
  readonly focus: readonly (readonly number[])[];
  /** The knowledge base's main subject, when the question says "he" and names no one. */
  readonly implicitFocus?: string;
  /** Every term of the question and its forms: an answer must bring something new. */
  readonly questionTerms: TermSet;
  /** Every form of the focus's names (and the implicit subject). */
  readonly focusForms: ReadonlySet<string>;
  /** The noun that names the asked kind with its common synonyms and derivations (`typeFormsOf`). */
  readonly typeForms: ReadonlySet<string>;
  /** Share of the part's concept weight the knowledge base has never seen (`Check.unknown`). */
  readonly unknown: number;
  /** The part's words without the question word, as `quotedRun` reads them (`Check.quoted`). */
  readonly asked: AskedRun;
}

/** What the answerer knows of a part before looking at any sentence; the rest is derived once here. */
export type PartQueryBase = Omit<PartQuery, 'focusForms' | 'typeForms' | 'unknown' | 'asked'>;

/** Completes a part's query with what every candidate's check reads, worked out once per part. */
export function partQuery(index: SearchIndex, base: PartQueryBase): PartQuery {
  return {
    ...base,
    focusForms: focusFormsOf(base),
    typeForms: typeFormsOf(base.part),
    unknown: unknownShare(index, base),
    asked: askedRun(base.part.text, wordsOf(base.part.text), base.conceptOf),
  };
}

function focusFormsOf(q: PartQueryBase): ReadonlySet<string> {
  const set = new Set<string>();
  for (const g of q.focus) for (const k of g) for (const form of q.concepts[k]!.forms.keys()) set.add(form);
  if (q.implicitFocus) set.add(q.implicitFocus);
  return set;
}

/**
 * The noun that names the asked kind ("judge" in "which judge…") with its common WordNet synonyms and
 * derivations ("jurist"; "attorney" for "lawyer"): an answer is often set right beside it.
 */
function typeFormsOf(part: QuestionPart): ReadonlySet<string> {
  const set = new Set<string>();
  const t = part.typeTerm;
  if (t !== undefined) {
    set.add(t);
    for (const r of relatedStems(t))
      if ((r.link === 'synonym' || r.link === 'derivation') && r.rank <= TUNING.typeNounSenses)
        set.add(r.stem);
  }
  return set;
}

function unknownShare(index: SearchIndex, q: PartQueryBase): number {
  let total = 0;
  let unknown = 0;
  const seen = (t: string): boolean => index.vocabulary.df.has(t);
  for (const c of q.concepts) {
    total += c.weight;
    // An English word (WordNet knows it) that no document uses, nor any word related to it; a word
    // WordNet does not know may be a misspelling, which the concept's corrections stand in for.
    if (!seen(c.term) && wordnetLinks(c.term).length > 0 && !relatedTermsOf(c.term).some((r) => seen(r.term)))
      unknown += c.weight;
  }
  return total > 0 ? unknown / total : 0;
}
