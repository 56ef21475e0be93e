import { wordsOf } from '../text/words.js';
import type { KnowledgeBase } from '../types.js';

/**
 * What a knowledge base says about its own names, read once at index time (and kept in the index cache)
 * so that no question pays for it. Plain data; the answerer turns it into sets and maps.
 */
export interface EntityParts {
  /** Terms written with a capital away from the start of a sentence: names of people, places, bodies. */
  readonly names: readonly string[];
  /** Names that open sentences, with how many: the subjects of the case more than its places. */
  readonly subjects: readonly (readonly [string, number])[];
  /** The one subject most documents are about, when one clearly leads: who "he" is in a bare question. */
  readonly mainSubject?: string;
  /** Per document, the subject named in most of its sentences: who "he" is in that report. */
  readonly documentSubject: readonly (readonly [string, string])[];
}

/** The thresholds of the reading; documented with the answerer's tuning, which they serve. */
export interface EntityTuning {
  /** A name-like term: at least this share of its uses is capitalised away from the sentence start. */
  readonly nameCapitalShare: number;
  /** A name that follows "in", "at", "from"… this often is a place, never the subject a pronoun means. */
  readonly placeShare: number;
  /** The main subject must score this many times the next one. */
  readonly mainSubjectLead: number;
}

const PLACE_WORDS = new Set(['in', 'at', 'from', 'to', 'into', 'near', 'across', 'throughout']);

const add = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);

/**
 * Reads capitalisation off the documents. A question may be typed in lower case ("burkov sentence"), so
 * which of its words are names is decided by how the documents write them, not by how it is typed.
 * One pass over the words; linear in the size of the knowledge base.
 */
export function deriveEntities(
  kb: KnowledgeBase,
  passageTerms: readonly (readonly string[])[],
  tuning: EntityTuning,
): EntityParts {
  const capital = new Map<string, number>();
  const total = new Map<string, number>();
  const opens = new Map<string, number>();
  const placed = new Map<string, number>();
  kb.passages.forEach((p) => {
    const words = wordsOf(p.text);
    words.forEach((w, k) => {
      if (w.term === undefined) return;
      const previous = k > 0 ? p.text.slice(words[k - 1]!.start, words[k - 1]!.end).toLowerCase() : '';
      const before = k > 1 ? p.text.slice(words[k - 2]!.start, words[k - 2]!.end).toLowerCase() : '';
      if (PLACE_WORDS.has(previous) || (previous === 'the' && PLACE_WORDS.has(before))) add(placed, w.term);
      if (k > 0) {
        add(total, w.term);
        if (w.capital) add(capital, w.term);
        return;
      }
      // An all-capitals word opening a sentence is a dateline ("SEATTLE -"), not a subject.
      const word = p.text.slice(w.start, w.end);
      if (w.capital && !(word.length > 1 && word === word.toUpperCase())) add(opens, w.term);
    });
  });
  const names = [...total]
    .filter(([t, n]) => (capital.get(t) ?? 0) >= tuning.nameCapitalShare * n && !/^\d/.test(t))
    .map(([t]) => t)
    .sort();
  const isName = new Set(names);
  const subjects = [...opens]
    .filter(([t, n]) => isName.has(t) && (placed.get(t) ?? 0) < tuning.placeShare * ((total.get(t) ?? 0) + n))
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const isSubject = new Set(subjects.map(([t]) => t));
  const documentsOf = new Map<string, Set<string>>();
  const perDocument = new Map<string, Map<string, number>>();
  kb.passages.forEach((p, i) => {
    let counts = perDocument.get(p.documentId);
    if (!counts) perDocument.set(p.documentId, (counts = new Map<string, number>()));
    for (const t of new Set(passageTerms[i])) {
      if (!isSubject.has(t)) continue;
      add(counts, t);
      let docs = documentsOf.get(t);
      if (!docs) documentsOf.set(t, (docs = new Set()));
      docs.add(p.documentId);
    }
  });
  // Most documents name it and sentences open with it: a person or body the case is about.
  const ranked = subjects
    .map(([t, n]) => ({ t, score: (documentsOf.get(t)?.size ?? 0) * Math.log(1 + n) }))
    .sort((a, b) => b.score - a.score || (a.t < b.t ? -1 : 1));
  const [first, second] = ranked;
  const mainSubject =
    first && (!second || first.score >= tuning.mainSubjectLead * second.score) ? first.t : undefined;
  const documentSubject: [string, string][] = [];
  for (const [doc, counts] of perDocument) {
    const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (top) documentSubject.push([doc, top[0]]);
  }
  return { names, subjects, documentSubject, ...(mainSubject ? { mainSubject } : {}) };
}
