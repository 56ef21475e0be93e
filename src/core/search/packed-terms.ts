/**
 * A read-only map over a sorted list of terms, standing in for MiniSearch's radix tree (SearchableMap)
 * in a loaded index: exact lookups by binary search, and the same fuzzy lookup (every term within an
 * edit distance) by walking the sorted list as an implicit trie. The radix tree is a Map per node,
 * hundreds of thousands of them on a large base: building them was a good part of a cached start and
 * of the heap. Values are made when asked for (`valueOf`), so nothing is kept per term but the term.
 */
export class PackedTerms<V> implements ReadonlyMap<string, V> {
  constructor(
    /** Sorted by code unit (JavaScript's `<`), distinct. */
    private readonly terms: readonly string[],
    private readonly valueOf: (k: number) => V,
  ) {
    for (let k = 1; k < terms.length; k++) {
      if (!(terms[k - 1]! < terms[k]!)) throw new Error('PackedTerms: terms must be sorted and distinct');
    }
  }

  get size(): number {
    return this.terms.length;
  }

  /** Position of `term`, or -1. */
  indexOf(term: string): number {
    let lo = 0;
    let hi = this.terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.terms[mid]!;
      if (t === term) return mid;
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  get(term: string): V | undefined {
    const k = this.indexOf(term);
    return k < 0 ? undefined : this.valueOf(k);
  }

  has(term: string): boolean {
    return this.indexOf(term) >= 0;
  }

  /** Every term within `maxDistance` edits (Levenshtein) of `query`, with its value and distance. */
  fuzzyGet(query: string, maxDistance: number): Map<string, [V, number]> {
    const results = new Map<string, [V, number]>();
    const n = query.length;
    const cap = maxDistance + 1;
    // Row d holds the distances between the first d letters of the terms under the current prefix
    // and each prefix of the query; terms longer than the query by more than maxDistance never match.
    const depthLimit = n + maxDistance;
    const rows: Uint8Array[] = [];
    for (let d = 0; d <= depthLimit; d++) rows.push(new Uint8Array(n + 1));
    for (let j = 0; j <= n; j++) rows[0]![j] = Math.min(j, cap);
    const terms = this.terms;

    // Terms lo..hi-1 share their first `depth` letters; the first may be exactly that prefix.
    const walk = (lo: number, hi: number, depth: number): void => {
      const prev = rows[depth]!;
      let k = lo;
      if (terms[k]!.length === depth) {
        if (prev[n]! <= maxDistance) results.set(terms[k]!, [this.valueOf(k), prev[n]!]);
        k++;
      }
      if (depth >= depthLimit) return;
      const row = rows[depth + 1]!;
      while (k < hi) {
        const letter = terms[k]!.charCodeAt(depth);
        // The end of the terms with this letter here: they are consecutive, as the list is sorted.
        let a = k + 1;
        let b = hi;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if (terms[mid]!.charCodeAt(depth) === letter) a = mid + 1;
          else b = mid;
        }
        row[0] = Math.min(depth + 1, cap);
        let best = row[0];
        for (let j = 1; j <= n; j++) {
          const replace = prev[j - 1]! + (query.charCodeAt(j - 1) === letter ? 0 : 1);
          const v = Math.min(replace, prev[j]! + 1, row[j - 1]! + 1, cap);
          row[j] = v;
          if (v < best) best = v;
        }
        if (best <= maxDistance) walk(k, a, depth + 1);
        k = a;
      }
    };
    if (terms.length > 0) walk(0, terms.length, 0);
    return results;
  }

  *entries(): IterableIterator<[string, V]> {
    for (let k = 0; k < this.terms.length; k++) yield [this.terms[k]!, this.valueOf(k)];
  }

  *keys(): IterableIterator<string> {
    yield* this.terms;
  }

  *values(): IterableIterator<V> {
    for (let k = 0; k < this.terms.length; k++) yield this.valueOf(k);
  }

  forEach(visit: (value: V, term: string, map: ReadonlyMap<string, V>) => void): void {
    for (let k = 0; k < this.terms.length; k++) visit(this.valueOf(k), this.terms[k]!, this);
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }

  /** Prefix search is never asked of a loaded index (its searches match whole terms only). */
  atPrefix(): never {
    throw new Error('PackedTerms: prefix search is not supported on a loaded index');
  }
}
