import { senseKey, type Pointer, type Synset, type WordNet } from './read-wordnet.js';

/** How two stems are linked; a hypernym link is reported as "similar" but tuned on its own. */
export type Relation = 'synonym' | 'derivation' | 'pertainym' | 'similar' | 'hypernym';
/** Stronger relations first: when two stems are linked in several ways, the first one names the link. */
export const RELATIONS: readonly Relation[] = ['synonym', 'derivation', 'pertainym', 'similar', 'hypernym'];

export interface Edge {
  readonly stem: string;
  readonly relation: Relation;
  /** The larger sense rank of the two words in the senses that carry the link (1 = both words' commonest). */
  readonly rank: number;
}

export interface DeriveOptions {
  /** Links carried by a sense ranked below this, for either word, are dropped at generation. */
  readonly maxRank: number;
  /**
   * A hypernym links only when it has at most this many direct hyponyms: "murder" → "kill" (36) and "wife"
   * → "spouse" (8) are specific enough, "person" (412) or "change" would relate everything.
   */
  readonly maxHyponyms: number;
}

export const DEFAULT_DERIVE_OPTIONS: DeriveOptions = { maxRank: 3, maxHyponyms: 40 };

/**
 * Index stem → its related stems, from WordNet: synonyms (same synset), derivations ("+", and an adverb's
 * "\" to its adjective), pertainyms (an adjective's "\" to its noun: Spanish → Spain) and similar
 * (adjective "&", "also see", verb groups) and hypernyms (a noun's or verb's direct, specific hypernym). Multi-word lemmas are skipped:
 * the index has single-word terms. Every link is made symmetric, since a question may use either word.
 */
export function deriveRelations(
  wn: WordNet,
  termOf: (word: string) => string | undefined,
  options: DeriveOptions = DEFAULT_DERIVE_OPTIONS,
): Map<string, Edge[]> {
  // stem → `relation stem` → the best rank of that link: a pair keeps every kind of link it has, so that
  // a tuning which drops rare derivations still sees the pair's common pertainym (Russian → Russia).
  const best = new Map<string, Map<string, number>>();
  const stemOf = (word: string): string | undefined => {
    if (!/^[a-z][a-z']*$/.test(word)) return undefined; // multi-word, hyphenated, numbers
    const stem = termOf(word);
    return stem && /^[a-z]{2,}$/.test(stem) ? stem : undefined;
  };
  const stemRanks = rankSensesByStem(wn, stemOf);
  const tagTotals = tagTotalsByStem(wn, stemOf);
  const rankOf = (word: string, synset: Synset): number => stemRanks.get(senseKey(word, synset.id)) ?? 99;

  const link = (w1: string, s1: Synset, w2: string, s2: Synset, relation: Relation): void => {
    const a = stemOf(w1);
    const b = stemOf(w2);
    if (!a || !b || a === b) return;
    // "kill" has 36 troponyms, most never seen in running text ("lapidate"): a hypernym link needs both
    // stems attested in the tagged corpus.
    if (relation === 'hypernym' && (!tagTotals.get(a) || !tagTotals.get(b))) return;
    const rank = Math.max(rankOf(w1, s1), rankOf(w2, s2));
    if (rank > options.maxRank) return;
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const row = best.get(from) ?? new Map<string, number>();
      best.set(from, row);
      const key = `${relation} ${to}`;
      row.set(key, Math.min(rank, row.get(key) ?? Infinity));
    }
  };

  const troponymCount = (synset: Synset): number => synset.pointers.filter((p) => p.symbol === '~').length;

  for (const synset of wn.synsets.values()) {
    for (let i = 0; i < synset.words.length; i++) {
      for (let j = i + 1; j < synset.words.length; j++) {
        link(synset.words[i]!, synset, synset.words[j]!, synset, 'synonym');
      }
    }
    for (const p of synset.pointers) {
      const target = wn.synsets.get(p.target);
      if (!target) continue;
      const relation = relationOf(p, synset, target, troponymCount, options);
      if (!relation) continue;
      for (const [w1, w2] of wordPairs(p, synset, target)) link(w1, synset, w2, target, relation);
    }
  }

  const out = new Map<string, Edge[]>();
  for (const stem of [...best.keys()].sort()) {
    const edges = [...best.get(stem)!].map(([key, rank]) => {
      const [relation, to] = key.split(' ') as [Relation, string];
      return { stem: to, relation, rank };
    });
    // Commoner stems first within a link and rank, so a cap on the number kept drops the rare ones.
    edges.sort(
      (x, y) =>
        RELATIONS.indexOf(x.relation) - RELATIONS.indexOf(y.relation) ||
        x.rank - y.rank ||
        (tagTotals.get(y.stem) ?? 0) - (tagTotals.get(x.stem) ?? 0) ||
        (x.stem < y.stem ? -1 : x.stem > y.stem ? 1 : 0),
    );
    out.set(stem, edges);
  }
  return out;
}

/**
 * How common every sense is among all the senses of its stem's words: 1 when its tag count is at least
 * half the stem's commonest sense's, 2 from a fifth, 3 from a twentieth, 4 below (counts + 1, so that a
 * rarely tagged stem does not rank its untagged senses as never used). The index conflates words
 * ("vacation" and "vacate" are both "vacat"), so a question's stem stands for all of them; judging senses
 * per stem keeps the ones people mostly mean (a vacation, not vacating an office: 3 tags against 24).
 * A stem none of whose senses was ever tagged keeps WordNet's own order: its first sense is 1, and so on.
 */
function rankSensesByStem(wn: WordNet, stemOf: (word: string) => string | undefined): Map<string, number> {
  const byStem = new Map<string, { key: string; tagCount: number; wordRank: number }[]>();
  for (const synset of wn.synsets.values()) {
    for (const word of synset.words) {
      const stem = stemOf(word);
      if (!stem) continue;
      const key = senseKey(word, synset.id);
      const sense = wn.senses.get(key);
      const list = byStem.get(stem) ?? [];
      byStem.set(stem, list);
      list.push({ key, tagCount: sense?.tagCount ?? 0, wordRank: sense?.rank ?? 99 });
    }
  }
  const ranks = new Map<string, number>();
  for (const list of byStem.values()) {
    const top = Math.max(...list.map((s) => s.tagCount));
    for (const s of list) {
      const share = (s.tagCount + 1) / (top + 1);
      const rank = top === 0 ? s.wordRank : share >= 0.5 ? 1 : share >= 0.2 ? 2 : share >= 0.05 ? 3 : 4;
      ranks.set(s.key, Math.min(rank, ranks.get(s.key) ?? Infinity));
    }
  }
  return ranks;
}

/** How often each stem's words were tagged, all senses together: how common the stem is. */
function tagTotalsByStem(wn: WordNet, stemOf: (word: string) => string | undefined): Map<string, number> {
  const totals = new Map<string, number>();
  for (const synset of wn.synsets.values()) {
    for (const word of synset.words) {
      const stem = stemOf(word);
      if (stem)
        totals.set(stem, (totals.get(stem) ?? 0) + (wn.senses.get(senseKey(word, synset.id))?.tagCount ?? 0));
    }
  }
  return totals;
}

function relationOf(
  p: Pointer,
  source: Synset,
  target: Synset,
  troponymCount: (s: Synset) => number,
  options: DeriveOptions,
): Relation | undefined {
  switch (p.symbol) {
    case '+':
      return 'derivation';
    case '\\':
      // Adverb → its adjective ("initially" → "initial") is morphology; adjective → noun is a pertainym.
      return source.pos === 'r' ? 'derivation' : 'pertainym';
    case '&':
    case '^':
    case '$':
      return 'similar';
    case '@':
      return troponymCount(target) <= options.maxHyponyms ? 'hypernym' : undefined;
    default:
      return undefined;
  }
}

function wordPairs(p: Pointer, source: Synset, target: Synset): [string, string][] {
  if (p.sourceWord > 0) {
    const w1 = source.words[p.sourceWord - 1];
    const w2 = target.words[p.targetWord - 1];
    return w1 && w2 ? [[w1, w2]] : [];
  }
  return source.words.flatMap((w1) => target.words.map((w2): [string, string] => [w1, w2]));
}
