import type MiniSearch from 'minisearch';
import { packedPostings } from './mini-parts.js';

/**
 * The passages holding one index term, read straight from MiniSearch's inverted index.
 *
 * MiniSearch has no public postings API: `search(term)` builds a scored result object per matching
 * sentence, which for a frequent word ("state" in a century of speeches, 20,000 sentences) costs more
 * than the whole first stage may. Its index is a radix tree of term → field → (short id → term
 * frequency); walking that costs a few nanoseconds a posting. This module alone knows that layout
 * (MiniSearch 7, pinned), and falls back to `search()` if the layout is ever not what it expects,
 * so an upgrade can make the first stage slower but never wrong (a test compares the two).
 */
/** What is read of MiniSearch's state: Map-like, so a cached index's packed arrays (mini-parts.ts) serve too. */
interface Internals {
  readonly _index: {
    get(term: string): { get(fieldId: number): Iterable<[number, number]> | undefined } | undefined;
  };
  readonly _documentIds: { keys(): Iterable<number> } & Iterable<[number, unknown]>;
  readonly _fieldIds: Record<string, number>;
}

export type PostingVisitor = (passage: number, termFrequency: number) => void;

export interface Postings {
  /** Calls `visit` once per passage holding `term`. */
  forEach(term: string, visit: PostingVisitor): void;
}

const cache = new WeakMap<object, Postings>();

function looksLikeMiniSearch7(mini: object): mini is Internals {
  const m = mini as Partial<Internals>;
  return (
    typeof m._index?.get === 'function' &&
    typeof m._documentIds?.keys === 'function' &&
    typeof m._documentIds[Symbol.iterator] === 'function' &&
    typeof m._fieldIds === 'object' &&
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- MiniSearch's internals, checked at run time
    m._fieldIds !== null
  );
}

function viaSearch(mini: MiniSearch): Postings {
  return {
    forEach(term, visit) {
      for (const r of mini.search(term)) visit(r.id as number, 1);
    },
  };
}

function viaIndex(mini: Internals, field: string): Postings {
  const fieldId = mini._fieldIds[field]!;
  // Short ids are MiniSearch's own numbers; ours are passage numbers. Map them once per index.
  let top = 0;
  for (const shortId of mini._documentIds.keys()) top = Math.max(top, shortId);
  const passageOf = new Int32Array(top + 1).fill(-1);
  for (const [shortId, id] of mini._documentIds) passageOf[shortId] = id as number;
  return {
    forEach(term, visit) {
      const postings = mini._index.get(term)?.get(fieldId);
      if (!postings) return;
      for (const [shortId, tf] of postings) {
        const i = passageOf[shortId];
        if (i !== undefined && i >= 0) visit(i, tf);
      }
    },
  };
}

/** Postings of `field` in `mini` (built on first use, then kept as long as the index lives). */
export function postingsOf(mini: MiniSearch, field: string, { forceSearch = false } = {}): Postings {
  if (forceSearch) return viaSearch(mini);
  let postings = cache.get(mini);
  if (!postings) {
    const packed = packedPostings(mini, field);
    postings = packed
      ? { forEach: packed }
      : looksLikeMiniSearch7(mini) && mini._fieldIds[field] !== undefined
        ? viaIndex(mini, field)
        : viaSearch(mini);
    cache.set(mini, postings);
  }
  return postings;
}
