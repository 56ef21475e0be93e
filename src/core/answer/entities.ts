import type { SearchIndex } from '../search/build-index.js';
import { foldText } from '../text/normalize.js';
import { termsOf } from '../text/terms.js';
import { TUNING } from './tuning.js';

/** What the knowledge base says about its own names, derived once per index. */
export interface EntityFacts {
  /** Terms written with a capital away from the start of a sentence: names of people, places, bodies. */
  readonly names: ReadonlySet<string>;
  /** Names that act as the subject of sentences (they open them): people and bodies more than places. */
  readonly subjects: ReadonlyMap<string, number>;
  /** The one name most documents are about, when one clearly leads: what "he" means in a bare question. */
  readonly mainSubject?: string;
  /** Per document, the subject it names in most sentences: what "he" means in that document. */
  readonly documentSubject: ReadonlyMap<string, string>;
}

const cache = new WeakMap<SearchIndex, EntityFacts>();

const PLACE_WORDS = new Set(['in', 'at', 'from', 'to', 'into', 'near', 'across', 'throughout']);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu;

/**
 * Reads capitalisation off the documents. A question may be typed in lower case ("burkov sentence"), so
 * which of its words are names is decided by how the documents write them, not by how it is typed.
 */
function derive(index: SearchIndex): EntityFacts {
  const capital = new Map<string, number>();
  const total = new Map<string, number>();
  const opens = new Map<string, number>();
  // "in Russia", "from the U.S.": a name that mostly follows a place preposition is where things happen,
  // not who does them.
  const placed = new Map<string, number>();
  const documentsOf = new Map<string, Set<string>>();
  index.kb.passages.forEach((p, i) => {
    let first = true;
    let previous = '';
    let beforePrevious = '';
    for (const m of p.text.matchAll(WORD)) {
      const word = m[0];
      const terms = termsOf(word);
      const lower = word.toLowerCase();
      if (terms.length > 0) {
        const isCapital = /^\p{Lu}/u.test(word);
        // An all-capitals word opening a sentence is a dateline ("SEATTLE -"), not a subject.
        const dateline = first && word.length > 1 && word === word.toUpperCase();
        const afterPlaceWord = PLACE_WORDS.has(previous) || (previous === 'the' && PLACE_WORDS.has(beforePrevious));
        for (const t of terms) {
          if (afterPlaceWord) placed.set(t, (placed.get(t) ?? 0) + 1);
          if (!first) {
            total.set(t, (total.get(t) ?? 0) + 1);
            if (isCapital) capital.set(t, (capital.get(t) ?? 0) + 1);
          } else if (isCapital && !dateline) opens.set(t, (opens.get(t) ?? 0) + 1);
        }
        first = false;
      }
      beforePrevious = previous;
      previous = lower;
    }
    for (const t of index.passageTerms[i]!) {
      let docs = documentsOf.get(t);
      if (!docs) documentsOf.set(t, (docs = new Set()));
      docs.add(p.documentId);
    }
  });
  const names = new Set<string>();
  for (const [t, n] of total) {
    if ((capital.get(t) ?? 0) >= TUNING.nameCapitalShare * n && !/^\d/.test(t)) names.add(t);
  }
  const subjects = new Map<string, number>();
  for (const [t, n] of opens) {
    const uses = (total.get(t) ?? 0) + n;
    if (names.has(t) && (placed.get(t) ?? 0) < TUNING.placeShare * uses) subjects.set(t, n);
  }
  // Most documents name it and sentences open with it: a person or body the case is about, not a place
  // every report mentions in passing.
  const ranked = [...subjects]
    .map(([t, n]) => ({ t, score: (documentsOf.get(t)?.size ?? 0) * Math.log(1 + n) }))
    .sort((a, b) => b.score - a.score || (a.t < b.t ? -1 : 1));
  const [first, second] = ranked;
  const mainSubject =
    first && (!second || first.score >= TUNING.mainSubjectLead * second.score) ? first.t : undefined;
  const perDocument = new Map<string, Map<string, number>>();
  index.kb.passages.forEach((p, i) => {
    let counts = perDocument.get(p.documentId);
    if (!counts) perDocument.set(p.documentId, (counts = new Map()));
    for (const t of new Set(index.passageTerms[i])) if (subjects.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  });
  const documentSubject = new Map<string, string>();
  for (const [doc, counts] of perDocument) {
    const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (top) documentSubject.set(doc, top[0]);
  }
  return { names, subjects, documentSubject, ...(mainSubject ? { mainSubject } : {}) };
}

export function entityFacts(index: SearchIndex): EntityFacts {
  let facts = cache.get(index);
  if (!facts) cache.set(index, (facts = derive(index)));
  return facts;
}

/** Name terms of a piece of question text as typed with capitals ("Storm" in "the Storm botnet"). */
export function capitalisedTerms(question: string): Set<string> {
  const out = new Set<string>();
  let first = true;
  for (const m of question.matchAll(WORD)) {
    if (!first && /^\p{Lu}/u.test(m[0])) for (const t of termsOf(foldText(m[0]))) out.add(t);
    first = false;
  }
  return out;
}
