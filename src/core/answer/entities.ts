import type { SearchIndex } from '../search/build-index.js';
import { wordsOf } from '../text/words.js';

/** The index's reading of its own names (`search/entities.ts`), as sets and maps for the answerer. */
export interface EntityFacts {
  readonly names: ReadonlySet<string>;
  readonly subjects: ReadonlyMap<string, number>;
  readonly mainSubject?: string;
  readonly documentSubject: ReadonlyMap<string, string>;
}

const cache = new WeakMap<SearchIndex, EntityFacts>();

export function entityFacts(index: SearchIndex): EntityFacts {
  let facts = cache.get(index);
  if (!facts) {
    const e = index.entities;
    facts = {
      names: new Set(e.names),
      subjects: new Map(e.subjects),
      documentSubject: new Map(e.documentSubject),
      ...(e.mainSubject ? { mainSubject: e.mainSubject } : {}),
    };
    cache.set(index, facts);
  }
  return facts;
}

/** Name terms of a question as typed with capitals ("Storm" in "the Storm botnet"). */
export function capitalisedTerms(question: string): Set<string> {
  const out = new Set<string>();
  wordsOf(question).forEach((w, k) => {
    if (k > 0 && w.capital && w.term !== undefined) out.add(w.term);
  });
  return out;
}
