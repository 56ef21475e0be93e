import type { MiniParts } from './mini-parts.js';
import type { TermColumns } from './packed-passages.js';
import type { VocabularyParts } from './vocabulary.js';

/** What the passages' terms give at once: the vocabulary, the inverted index and the term lists as ids. */
export interface Inverted {
  readonly vocab: VocabularyParts;
  /** The MiniSearch index of one field holding each passage's terms, as `miniParts` would describe it. */
  readonly mini: MiniParts;
  /** Each passage's terms as ids into `vocab.terms`. */
  readonly passageTerms: TermColumns;
}

/**
 * Inverts the passages' terms straight into number arrays, passage by passage (`add`, then `finish`).
 *
 * Why not MiniSearch's `addAll`: it builds a radix tree with a Map per term and per posting, over half of
 * a built index's heap (225 MB on the bench's large base), only for the index to be packed into these
 * arrays afterwards; building them directly skips the tree, its time and its peak memory. The result is
 * exactly what `miniParts` reads off a MiniSearch fed `{ i, text: terms.join(' ') }` in passage order
 * with Casefile's options (a test compares the two): postings in passage order, each passage's field
 * length its number of distinct terms (1 for no terms: MiniSearch counts the empty token), the average
 * length summed as MiniSearch sums it.
 */
export class TermInverter {
  readonly #idOf = new Map<string, number>();
  readonly #terms: string[] = [];
  #occurrences = new Uint32Array(1 << 16);
  #used = 0;
  readonly #ends: number[] = [];

  constructor(private readonly field: string) {}

  /** The next passage's terms, in order. */
  add(terms: readonly string[]): void {
    for (const term of terms) {
      let id = this.#idOf.get(term);
      if (id === undefined) {
        id = this.#terms.push(term) - 1;
        this.#idOf.set(term, id);
      }
      if (this.#used === this.#occurrences.length) {
        const bigger = new Uint32Array(this.#occurrences.length * 2);
        bigger.set(this.#occurrences);
        this.#occurrences = bigger;
      }
      this.#occurrences[this.#used++] = id;
    }
    this.#ends.push(this.#used);
  }

  finish(): Inverted {
    const n = this.#ends.length;
    const ends = Uint32Array.from(this.#ends);
    const ids = this.#occurrences.slice(0, this.#used);
    // Terms sorted by code unit (binary search on load, see PackedTerms), ids renumbered to match.
    const order = Array.from(this.#terms.keys()).sort((a, b) => {
      const x = this.#terms[a]!;
      const y = this.#terms[b]!;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const terms = order.map((k) => this.#terms[k]!);
    const v = terms.length;
    const rank = new Uint32Array(v);
    order.forEach((old, k) => (rank[old] = k));
    for (let j = 0; j < ids.length; j++) ids[j] = rank[ids[j]!]!;

    // Pass 1: passages per term (the document frequency) and distinct terms per passage.
    const df = new Uint32Array(v);
    const lastSeen = new Int32Array(v).fill(-1);
    const fieldLengths = new Uint32Array(n);
    let avg = 0;
    for (let d = 0, j = 0; d < n; d++) {
      const end = ends[d]!;
      let distinct = 0;
      for (; j < end; j++) {
        const t = ids[j]!;
        if (lastSeen[t] !== d) {
          lastSeen[t] = d;
          df[t]!++;
          distinct++;
        }
      }
      fieldLengths[d] = distinct === 0 ? 1 : distinct;
      avg = (avg * d + fieldLengths[d]!) / (d + 1);
    }

    // Pass 2: each term's postings, in passage order, with the term's frequency in the passage.
    const cursor = new Uint32Array(v);
    let total = 0;
    for (let t = 0; t < v; t++) {
      cursor[t] = total;
      total += df[t]!;
    }
    const docs = new Uint32Array(total);
    const freqs = new Uint32Array(total);
    const slot = new Uint32Array(v);
    lastSeen.fill(-1);
    for (let d = 0, j = 0; d < n; d++) {
      const end = ends[d]!;
      for (; j < end; j++) {
        const t = ids[j]!;
        if (lastSeen[t] === d) {
          freqs[slot[t]!]!++;
          continue;
        }
        lastSeen[t] = d;
        const p = cursor[t]!++;
        docs[p] = d;
        freqs[p] = 1;
        slot[t] = p;
      }
    }
    const termFields = new Uint32Array(3 * v);
    for (let t = 0; t < v; t++) {
      termFields[3 * t] = 1;
      termFields[3 * t + 1] = 0;
      termFields[3 * t + 2] = df[t]!;
    }
    const passageNumbers = Uint32Array.from({ length: n }, (_, d) => d);
    return {
      vocab: { passageCount: n, terms, df },
      mini: {
        documentCount: n,
        nextId: n,
        dirtCount: 0,
        fieldIds: { [this.field]: 0 },
        avgFieldLength: n > 0 ? [avg] : [],
        shortIds: passageNumbers,
        ids: passageNumbers,
        fieldLengths,
        terms,
        termFields,
        docs,
        freqs,
      },
      passageTerms: { ends, ids },
    };
  }
}
