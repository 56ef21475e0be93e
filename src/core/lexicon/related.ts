import { wordnetLinks, type Link } from './table.js';
import { LEXICON_TUNING } from './tuning.js';

export type Relation = 'synonym' | 'derivation' | 'pertainym' | 'similar';

export interface RelatedStem {
  readonly stem: string;
  readonly relation: Relation;
  /** The WordNet link behind the relation: a hypernym link ("murder" → "kill") is reported as similar. */
  readonly link: Link;
  /** How common the senses carrying the link are, 1 = the commonest (see `WordNetLink.rank`). */
  readonly rank: number;
}

const cache = new Map<string, readonly RelatedStem[]>();
const CACHE_LIMIT = 50_000;

/**
 * The index stems WordNet relates to an index stem through the senses people commonly mean
 * (`LEXICON_TUNING.senses`), each once by its strongest link, at most `LEXICON_TUNING.maxRelated` of
 * them. The order is the table's (link, sense rank, commoner stem, stem), the same on every run.
 */
export function relatedStems(stem: string): readonly RelatedStem[] {
  let related = cache.get(stem);
  if (!related) {
    const seen = new Set<string>();
    related = wordnetLinks(stem)
      .filter((l) => l.rank <= LEXICON_TUNING.senses[l.link] && !seen.has(l.stem) && !!seen.add(l.stem))
      .slice(0, LEXICON_TUNING.maxRelated)
      .map((l) => ({
        stem: l.stem,
        relation: l.link === 'hypernym' ? 'similar' : l.link,
        link: l.link,
        rank: l.rank,
      }));
    if (cache.size < CACHE_LIMIT) cache.set(stem, related);
  }
  return related;
}

/** Forgets computed relations: for tuning scripts that change `LEXICON_TUNING` between runs. */
export function clearRelatedCache(): void {
  cache.clear();
}
