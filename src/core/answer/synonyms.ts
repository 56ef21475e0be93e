import { wordnetLinks } from '../lexicon/table.js';
import { LEXICON_TUNING } from '../lexicon/tuning.js';
import { termOf } from '../text/terms.js';

/**
 * Words people ask with that documents often say differently. Query-side only: a question word brings
 * its related words along at a lower weight, the document's own words are indexed as written. The
 * relations come from WordNet (src/core/lexicon); the groups below are the few general equivalences it
 * lacks, each checked against the table by tests/core/lexicon:
 * - arrest / detain / custody: WordNet links "arrest" to "apprehend" and "detain" to "confine", never
 *   to each other, yet news reports use them for the same event.
 * - prison / jail: two sibling kinds of "correctional institution" in WordNet, one thing in reports.
 * - run / operate: WordNet has the sense, but "run" has so many commoner senses that it is cut.
 * - company / firm: "firm" sits under "business", "company" under "institution".
 */
const LISTED: readonly string[] = ['arrest detain custody', 'prison jail', 'run operate', 'company firm'];

/** For each stem, the other stems of its listed groups. */
const LISTED_STEMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of LISTED) {
    const stems = [...new Set(group.split(' ').flatMap((w) => termOf(w) ?? []))];
    for (const s of stems) {
      const set = map.get(s) ?? new Set<string>();
      for (const other of stems) if (other !== s) set.add(other);
      map.set(s, set);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v].sort()]));
})();

const cache = new Map<string, readonly RelatedTerm[]>();
const CACHE_LIMIT = 50_000;

/** Forgets computed expansions: for tuning scripts that change `LEXICON_TUNING` between runs. */
export function clearSynonymCache(): void {
  cache.clear();
}

export interface RelatedTerm {
  readonly term: string;
  /** How fully the term counts in place of the question's word (`LEXICON_TUNING.expansion.credit`). */
  readonly credit: number;
}

/**
 * The terms that may stand for a question term in a passage, with their credits: the listed ones, then
 * the WordNet relations `LEXICON_TUNING.expansion` uses, at most `expansion.maxTerms`.
 */
export function relatedTermsOf(term: string): readonly RelatedTerm[] {
  let related = cache.get(term);
  if (!related) {
    const { maxRank, credit, maxTerms } = LEXICON_TUNING.expansion;
    const out: RelatedTerm[] =
      credit.listed > 0
        ? (LISTED_STEMS.get(term) ?? []).map((t) => ({ term: t, credit: credit.listed }))
        : [];
    // The table's order: strongest link first, so a stem linked twice counts by its best link used.
    for (const l of wordnetLinks(term)) {
      if (out.length >= maxTerms) break;
      if (l.rank <= maxRank[l.link] && l.stem !== term && !out.some((o) => o.term === l.stem)) {
        out.push({ term: l.stem, credit: credit[l.link] });
      }
    }
    related = out;
    if (cache.size < CACHE_LIMIT) cache.set(term, related);
  }
  return related;
}

export function synonymsOf(term: string): readonly string[] {
  return relatedTermsOf(term).map((r) => r.term);
}
