import { termOf } from '../text/terms.js';

/**
 * Words people ask with that documents often say differently. Query-side only: a question word brings
 * its group along at a lower weight, the document's own words are indexed as written. Kept small and
 * general on purpose: a wrong synonym costs more precision than a missing one costs recall.
 */
const GROUPS: readonly string[] = [
  'arrest detain custody held apprehend capture jail',
  'prison jail imprison',
  'kill murder slay assassinate',
  'die death dead',
  'begin start commence launch',
  'end finish conclude terminate',
  'buy purchase acquire',
  'build construct erect',
  'found establish create',
  'show demonstrate indicate reveal prove',
  'say declare announce claim',
  'report announce',
  'track trace monitor',
  'rank place position',
  'name call',
  'talk speak meet meeting discuss',
  'run operate manage',
  'lawyer attorney counsel',
  'wife husband spouse',
  'company firm corporation business',
  'country nation',
  'city town',
  'job occupation profession',
  'car automobile vehicle',
  'film movie',
  'big large',
  'small little',
  'old age',
  'email mail message',
  'advertise promote',
  'fake counterfeit forged',
  'medicine drug pharmaceutical',
  'rule govern reign',
  'leader head chief',
  'war conflict',
  'invent devise',
  'mistake error',
  'money fund',
];

/** For each stem, the other stems of its groups. */
const SYNONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of GROUPS) {
    const stems = [
      ...new Set(
        group
          .split(' ')
          .map((w) => termOf(w))
          .filter((t): t is string => !!t),
      ),
    ];
    for (const s of stems) {
      const set = map.get(s) ?? new Set<string>();
      for (const other of stems) if (other !== s) set.add(other);
      map.set(s, set);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v].sort()]));
})();

export function synonymsOf(term: string): readonly string[] {
  return SYNONYMS.get(term) ?? [];
}
