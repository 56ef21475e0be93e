import type { SearchIndex } from '../search/build-index.js';
import { foldText, splitWords } from '../text/normalize.js';
import { termOf } from '../text/terms.js';
import { buildConcepts, formIndex, type Concept } from './concepts.js';
import { capitalisedTerms, entityFacts, type EntityFacts } from './entities.js';
import type { AnalysedQuestion } from './question.js';
import type { Query } from './query.js';

/**
 * A question read against one index: what its words stand for there. Built once per question, then read
 * by retrieval, by every part's checks and by the trimming, instead of each taking the pieces one by one.
 */
export interface BoundQuery {
  /** The question as analysed (its parts taken as one when the `parts` step is switched off). */
  readonly question: AnalysedQuestion;
  readonly concepts: readonly Concept[];
  /** Each form's concept (`formIndex`): every term of the question and its forms. */
  readonly conceptOf: ReadonlyMap<string, number>;
  /** The entities the question is about, each as the indexes into `concepts` of its name words. */
  readonly groups: readonly (readonly number[])[];
  /** The knowledge base's main subject, when the question says "he" and names no one of weight. */
  readonly implicitFocus?: string;
}

/** Steps of the reading that `npm run eval -- --ablate` can switch off (`parts`, `implicit-subject`). */
export interface BindSteps {
  readonly parts: boolean;
  readonly implicitSubject: boolean;
}

/**
 * Groups of the question's name concepts that stand for one entity: consecutive name words ("Aleksei
 * Burkov"), broken by a possessive ("Seleznev's Nevada case" names two). An entity is found when any of
 * its words is, since documents shorten names.
 */
function focusGroups(
  question: string,
  concepts: readonly Concept[],
  facts: EntityFacts,
  typeTerms: ReadonlySet<string>,
): number[][] {
  const capitals = capitalisedTerms(question);
  const isName = (c: Concept): boolean =>
    !typeTerms.has(c.term) && [...c.forms.keys()].some((f) => facts.names.has(f) || capitals.has(f));
  const byTerm = new Map(concepts.flatMap((c, k) => (isName(c) ? [[c.term, k] as const] : [])));
  const groups: number[][] = [];
  let current: number[] = [];
  for (const word of splitWords(foldText(question))) {
    const k = byTerm.get(termOf(word.replace(/'s$/, '')) ?? '');
    if (k === undefined) {
      if (current.length > 0) groups.push(current);
      current = [];
      continue;
    }
    if (!groups.some((g) => g.includes(k)) && !current.includes(k)) current.push(k);
    if (word.endsWith("'s")) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups.filter((g) => g.length > 0);
}

/** Reads a question against an index: its concepts, the entities it is about, its implicit subject. */
export function bindQuery(index: SearchIndex, query: Query, steps: BindSteps): BoundQuery {
  const question =
    !steps.parts && query.parts.length > 1
      ? { ...query, parts: [{ ...query.parts[0]!, terms: query.terms }] }
      : query;
  const facts = entityFacts(index);
  const concepts = buildConcepts(question.terms, index.vocabulary, question.typeTerms);
  // The noun that names what is asked is never whom it is asked about: "which Americans did Russia
  // release" asks for names of Americans, it is not about "Americans".
  const kindNouns = new Set(question.parts.flatMap((p) => (p.typeTerm ? [p.typeTerm] : [])));
  const groups = focusGroups(query.text, concepts, facts, kindNouns);
  const main = facts.mainSubject;
  const implicitFocus =
    question.pronoun &&
    main &&
    steps.implicitSubject &&
    !groups.some((g) =>
      g.some((k) => (facts.subjects.get(concepts[k]!.term) ?? 0) * 4 >= (facts.subjects.get(main) ?? 0)),
    )
      ? main
      : undefined;
  return {
    question,
    concepts,
    conceptOf: formIndex(concepts),
    groups,
    ...(implicitFocus ? { implicitFocus } : {}),
  };
}
