/** Document frequencies of every index term, for rarity weights and for spotting unknown words. */
export interface Vocabulary {
  readonly passageCount: number;
  readonly df: ReadonlyMap<string, number>;
  /** Terms grouped by length, so a typo is compared only with terms of a near length. */
  readonly byLength: ReadonlyMap<number, readonly string[]>;
}

export function buildVocabulary(termLists: Iterable<readonly string[]>): Vocabulary {
  const df = new Map<string, number>();
  let passageCount = 0;
  for (const terms of termLists) {
    passageCount++;
    for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const byLength = new Map<number, string[]>();
  for (const term of df.keys()) {
    const bucket = byLength.get(term.length);
    if (bucket) bucket.push(term);
    else byLength.set(term.length, [term]);
  }
  return { passageCount, df, byLength };
}

/** BM25's idf: a term in every passage weighs near 0, an unknown term the most. */
export function idf(vocab: Vocabulary, term: string): number {
  const n = vocab.df.get(term) ?? 0;
  return Math.log(1 + (vocab.passageCount - n + 0.5) / (n + 0.5));
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), giving up past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The known terms closest to an unknown one (a likely typo), nearest first, most frequent on ties.
 * Short words are not corrected: at three letters almost everything is one edit from something.
 */
export function correctTerm(vocab: Vocabulary, term: string): string[] {
  if (term.length < 4 || /\d/.test(term)) return [];
  const max = term.length >= 8 ? 2 : 1;
  const found: Array<{ term: string; distance: number; df: number }> = [];
  for (let len = term.length - max; len <= term.length + max; len++) {
    for (const known of vocab.byLength.get(len) ?? []) {
      // Cheap filter: a typo keeps its first or second letter, or swaps the two.
      if (known[0] !== term[0] && known[1] !== term[1] && known[0] !== term[1]) continue;
      const distance = editDistance(term, known, max);
      if (distance <= max) found.push({ term: known, distance, df: vocab.df.get(known) ?? 0 });
    }
  }
  found.sort((a, b) => a.distance - b.distance || b.df - a.df || (a.term < b.term ? -1 : 1));
  const nearest = found[0]?.distance;
  return found
    .filter((f) => f.distance === nearest)
    .slice(0, 3)
    .map((f) => f.term);
}
