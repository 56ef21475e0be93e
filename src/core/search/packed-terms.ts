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

  /**
   * Every term within `maxDistance` edits (Levenshtein, on UTF-16 code units) of `query`, with its value
   * and distance. A term that near differs in length by at most `maxDistance`, so only those lengths
   * are compared, each term with the query in one pass of bit operations (`bitDistance`). Walking the
   * sorted terms as a trie instead visits every prefix still within reach, and near the root that is
   * most of them: on the large bench base (144,146 terms, most of them junk from mail bodies) the walk
   * took 4–5 ms at one edit and 15–25 ms at two for a misspelt word of 8–14 letters.
   */
  fuzzyGet(query: string, maxDistance: number): Map<string, [V, number]> {
    const n = query.length;
    if (n === 0 || n > 32) return this.walkFuzzy(query, maxDistance);
    const results = new Map<string, [V, number]>();
    const { order, start, letters } = this.lengths();
    const peq = patternMasks(query);
    const own = letterMask(query);
    const terms = this.terms;
    const last = Math.min(n + maxDistance, start.length - 2);
    for (let len = Math.max(0, n - maxDistance); len <= last; len++) {
      for (let p = start[len]!; p < start[len + 1]!; p++) {
        // Each letter one string has and the other lacks costs an edit at least.
        const theirs = letters[p]!;
        if (bitCount(own & ~theirs) > maxDistance || bitCount(theirs & ~own) > maxDistance) continue;
        const k = order[p]!;
        const d = bitDistance(peq, n, terms[k]!);
        if (d <= maxDistance) results.set(terms[k]!, [this.valueOf(k), d]);
      }
    }
    return results;
  }

  private byLength?: ByLength;

  /** Made on the first fuzzy lookup (8 bytes a term), or before it by `prepareFuzzy`. */
  private lengths(): ByLength {
    if (this.byLength) return this.byLength;
    const terms = this.terms;
    let longest = 0;
    for (const t of terms) if (t.length > longest) longest = t.length;
    const start = new Uint32Array(longest + 2);
    for (const t of terms) start[t.length + 1]!++;
    for (let len = 1; len < start.length; len++) start[len]! += start[len - 1]!;
    const next = start.slice();
    const order = new Uint32Array(terms.length);
    for (let k = 0; k < terms.length; k++) order[next[terms[k]!.length]!++] = k;
    const letters = new Uint32Array(terms.length);
    for (let p = 0; p < order.length; p++) letters[p] = letterMask(terms[order[p]!]!);
    this.byLength = { order, start, letters };
    return this.byLength;
  }

  /** Makes now what fuzzy lookups read, so that the first of them does not pay for it. */
  prepareFuzzy(): void {
    this.lengths();
  }

  /** The same lookup by walking the sorted terms as a trie: for an empty query or one over 32 code units. */
  private walkFuzzy(query: string, maxDistance: number): Map<string, [V, number]> {
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

/**
 * The terms by length: `order` holds term positions, those of length L at start[L]..start[L+1]-1, and
 * `letters[p]` the letter mask of the term at order[p] (kept in that order so a scan reads it in turn).
 */
interface ByLength {
  readonly order: Uint32Array;
  readonly start: Uint32Array;
  readonly letters: Uint32Array;
}

/** Which code units a string holds, each as bit (code & 31): a-z get bits of their own. */
function letterMask(s: string): number {
  let mask = 0;
  for (let i = 0; i < s.length; i++) mask |= 1 << (s.charCodeAt(i) & 31);
  return mask;
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Per code unit of a query (1 to 32 of them), the bit mask of the positions holding it. */
interface PatternMasks {
  readonly ascii: Int32Array;
  readonly other: Map<number, number>;
}

function patternMasks(query: string): PatternMasks {
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  for (let j = 0; j < query.length; j++) {
    const c = query.charCodeAt(j);
    if (c < 128) ascii[c]! |= 1 << j;
    else other.set(c, (other.get(c) ?? 0) | (1 << j));
  }
  return { ascii, other };
}

/**
 * Levenshtein distance between a query of `n` code units (1 ≤ n ≤ 32, given by its masks) and `text`:
 * Myers' bit-parallel algorithm in Hyyrö's form for whole strings. Bit j of the vertical deltas is
 * the step from row j to row j+1 of the current column of the usual table; `score` follows its last row.
 * Bits above n - 1 fill with garbage that never reaches the lower ones (carries and shifts go up).
 */
function bitDistance(peq: PatternMasks, n: number, text: string): number {
  const high = 1 << (n - 1);
  let pv = -1;
  let mv = 0;
  let score = n;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const eq = c < 128 ? peq.ascii[c]! : (peq.other.get(c) ?? 0);
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & high) score++;
    else if (mh & high) score--;
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}
