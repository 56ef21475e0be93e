import MiniSearch from 'minisearch';
import type SearchableMap from 'minisearch/SearchableMap';
import { PackedTerms } from './packed-terms.js';
import type { FuzzyTerms } from './vocabulary.js';

type Postings = Map<number, Map<number, number>>;

/**
 * MiniSearch's own state, as version 7.2.0 (pinned exactly in package.json) keeps it. Its `loadJS`
 * rebuilds this from a JSON-shaped object with one small object per posting, which is most of what a
 * cached start used to cost; writing the state directly skips that. The cache round-trip tests fail if
 * a MiniSearch upgrade changes these fields.
 */
interface MiniSearchState {
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, unknown>;
  _index: SearchableMap<Postings>;
}

/** A MiniSearch index as plain data and typed arrays (see binary-codec). */
export interface MiniParts {
  readonly documentCount: number;
  readonly nextId: number;
  readonly dirtCount: number;
  readonly fieldIds: Record<string, number>;
  readonly avgFieldLength: readonly number[];
  /** Internal (short) ids and the document ids they stand for; document ids are passage numbers. */
  readonly shortIds: Uint32Array;
  readonly ids: Uint32Array;
  /** Per document (in `shortIds` order), one length per field. */
  readonly fieldLengths: Uint32Array;
  /** Sorted by code unit. */
  readonly terms: readonly string[];
  /** Per term: its number of fields, then (field id, posting count) for each. */
  readonly termFields: Uint32Array;
  readonly docs: Uint32Array;
  readonly freqs: Uint32Array;
}

const stateOf = <T>(mini: MiniSearch<T>): MiniSearchState => mini as unknown as MiniSearchState;

// The arrays a packed MiniSearch was made of: saving it again (a reload, a cache write) reuses them.
const partsOf = new WeakMap<object, MiniParts>();

export function miniParts<T>(mini: MiniSearch<T>): MiniParts {
  const saved = partsOf.get(mini);
  if (saved) return saved;
  const s = stateOf(mini);
  if (s._storedFields.size > 0) throw new Error('miniParts: stored fields are not supported');
  const fieldCount = Object.keys(s._fieldIds).length;
  const shortIds = new Uint32Array(s._documentIds.size);
  const ids = new Uint32Array(s._documentIds.size);
  const fieldLengths = new Uint32Array(s._documentIds.size * fieldCount);
  let d = 0;
  for (const [shortId, id] of s._documentIds) {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) {
      throw new Error('miniParts: document ids must be passage numbers');
    }
    shortIds[d] = shortId;
    ids[d] = id;
    const lengths = s._fieldLength.get(shortId) ?? [];
    for (let f = 0; f < fieldCount; f++) fieldLengths[d * fieldCount + f] = lengths[f] ?? 0;
    d++;
  }
  const terms: string[] = [];
  const termFields: number[] = [];
  const docs: number[] = [];
  const freqs: number[] = [];
  // Sorted, so a load looks terms up by binary search (see PackedTerms).
  const entries = [...s._index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [term, fields] of entries) {
    terms.push(term);
    termFields.push(fields.size);
    for (const [fieldId, postings] of fields) {
      termFields.push(fieldId, postings.size);
      // Map order is kept: it decides the order of equal-scored results.
      for (const [doc, freq] of postings) {
        docs.push(doc);
        freqs.push(freq);
      }
    }
  }
  return {
    documentCount: s._documentCount,
    nextId: s._nextId,
    dirtCount: s._dirtCount,
    fieldIds: { ...s._fieldIds },
    avgFieldLength: [...s._avgFieldLength],
    shortIds,
    ids,
    fieldLengths,
    terms,
    termFields: Uint32Array.from(termFields),
    docs: Uint32Array.from(docs),
    freqs: Uint32Array.from(freqs),
  };
}

/**
 * One term's postings, read from the shared typed arrays of a cached index: the part of a
 * `Map<fieldId, Map<docId, freq>>` that MiniSearch's search reads (get, size, keys, iteration). A
 * cached index has one of these per term instead of two Maps and a Map entry per posting, which is
 * most of the memory and most of the load time of a large index. Read-only, like every loaded index.
 */
class PackedPostings {
  #cursor = -1;
  constructor(
    readonly fieldId: number,
    private readonly docs: Uint32Array,
    private readonly freqs: Uint32Array,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get size(): number {
    return this.end - this.start;
  }

  get(key: number): number | undefined {
    return this.#lookup(key);
  }

  has(key: number): boolean {
    return this.#lookup(key) !== undefined;
  }

  #lookup(key: number): number | undefined {
    // MiniSearch reads a posting's frequency right after `keys()` yielded its document.
    const at = this.#cursor;
    if (at >= this.start && at < this.end && this.docs[at] === key) return this.freqs[at];
    for (let p = this.start; p < this.end; p++) if (this.docs[p] === key) return this.freqs[p];
    return undefined;
  }

  *keys(): IterableIterator<number> {
    for (let p = this.start; p < this.end; p++) {
      this.#cursor = p;
      yield this.docs[p]!;
    }
  }

  *entries(): IterableIterator<[number, number]> {
    for (let p = this.start; p < this.end; p++) yield [this.docs[p]!, this.freqs[p]!];
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }
}

/** The field level of a term: a Map of its only field to its postings. */
class PackedField {
  constructor(readonly postings: PackedPostings) {}
  get size(): number {
    return 1;
  }
  get(fieldId: number): PackedPostings | undefined {
    return fieldId === this.postings.fieldId ? this.postings : undefined;
  }
  has(fieldId: number): boolean {
    return fieldId === this.postings.fieldId;
  }
  *keys(): IterableIterator<number> {
    yield this.postings.fieldId;
  }
  *entries(): IterableIterator<[number, PackedPostings]> {
    yield [this.postings.fieldId, this.postings];
  }
  [Symbol.iterator](): IterableIterator<[number, PackedPostings]> {
    return this.entries();
  }
}

/**
 * Field lengths by document id 0..n-1, for MiniSearch's `_fieldLength.get(docId)`, read from the packed
 * column as asked: only MiniSearch's own scoring reads them (the first stage has its own lengths), so a
 * cached index keeps no array per document for them.
 */
class DenseRows {
  constructor(
    private readonly lengths: Uint32Array,
    private readonly fieldCount: number,
  ) {}
  get size(): number {
    return this.lengths.length / this.fieldCount;
  }
  /** Field `field` of document `id`, without making an array (id and field assumed in range). */
  at(id: number, field: number): number {
    return this.lengths[id * this.fieldCount + field]!;
  }
  get(id: number): number[] | undefined {
    if (!Number.isInteger(id) || id < 0 || id >= this.size) return undefined;
    return Array.from(this.lengths.subarray(id * this.fieldCount, (id + 1) * this.fieldCount));
  }
  *entries(): IterableIterator<[number, number[]]> {
    for (let id = 0; id < this.size; id++) yield [id, this.get(id)!];
  }
  [Symbol.iterator](): IterableIterator<[number, number[]]> {
    return this.entries();
  }
}

/**
 * Short ids and document ids of a loaded index whose short id d stands for passage d (always so for
 * an index built in one go): a Map's part that MiniSearch and the first stage read, without two Maps
 * of a few hundred thousand entries each.
 */
class DenseIds {
  constructor(readonly size: number) {}
  get(id: unknown): number | undefined {
    return this.has(id) ? (id as number) : undefined;
  }
  has(id: unknown): boolean {
    return typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < this.size;
  }
  *keys(): IterableIterator<number> {
    for (let d = 0; d < this.size; d++) yield d;
  }
  *entries(): IterableIterator<[number, number]> {
    for (let d = 0; d < this.size; d++) yield [d, d];
  }
  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }
}

/**
 * The length MiniSearch's BM25 gives a passage's first field: its number of distinct terms, 1 for a
 * passage with none (MiniSearch counts the empty token). Read from the packed column when there is one.
 */
export function fieldLengthOf<T>(mini: MiniSearch<T>, passage: number): number {
  const s = stateOf(mini);
  if (s._fieldLength instanceof DenseRows) return s._fieldLength.at(passage, 0);
  const shortId = s._idToShortId.get(passage);
  return shortId === undefined ? 0 : (s._fieldLength.get(shortId)?.[0] ?? 0);
}

/** MiniSearch's map of terms (its keys are the index's terms; its values, their postings). */
export const miniTerms = <T>(mini: MiniSearch<T>): FuzzyTerms => stateOf(mini)._index;

// Set for each packed MiniSearch whose short ids are passage numbers (see packedPostings).
type Visit = (passage: number, termFrequency: number) => void;
interface Reader {
  readonly fieldIds: Record<string, number>;
  read(fieldId: number, term: string, visit: Visit): void;
}
const readers = new WeakMap<object, Reader>();

/**
 * The MiniSearch that `miniParts` described, searching exactly as it did (and read-only). For an index
 * built in one go (short id d is passage d, as every index Casefile builds) nothing here is per posting
 * or per document, so it needs no pacing: the work is a pass over the terms, a few milliseconds.
 */
export function miniFromParts<T>(
  parts: MiniParts,
  options: ConstructorParameters<typeof MiniSearch<T>>[0],
): MiniSearch<T> {
  const mini = new MiniSearch<T>(options);
  const s = stateOf(mini);
  const fieldCount = Object.keys(parts.fieldIds).length;
  s._documentCount = parts.documentCount;
  s._nextId = parts.nextId;
  s._dirtCount = parts.dirtCount;
  s._fieldIds = { ...parts.fieldIds };
  s._avgFieldLength = [...parts.avgFieldLength];
  s._storedFields = new Map();
  const n = parts.shortIds.length;
  let identity = true;
  for (let d = 0; d < n && identity; d++) identity = parts.shortIds[d] === d && parts.ids[d] === d;
  if (identity) {
    s._documentIds = new DenseIds(n) as unknown as Map<number, unknown>;
    s._idToShortId = new DenseIds(n) as unknown as Map<unknown, number>;
    s._fieldLength = new DenseRows(parts.fieldLengths, fieldCount) as unknown as Map<number, number[]>;
  } else {
    s._documentIds = new Map();
    s._idToShortId = new Map();
    s._fieldLength = new Map();
    for (let d = 0; d < n; d++) {
      s._documentIds.set(parts.shortIds[d]!, parts.ids[d]);
      s._idToShortId.set(parts.ids[d], parts.shortIds[d]!);
      s._fieldLength.set(
        parts.shortIds[d]!,
        Array.from(parts.fieldLengths.subarray(d * fieldCount, (d + 1) * fieldCount)),
      );
    }
  }
  // Where each term's fields and postings start; its postings are made when a search asks for them.
  const { docs, freqs, termFields } = parts;
  const fieldsAt = new Uint32Array(parts.terms.length);
  const postingsAt = new Uint32Array(parts.terms.length);
  let tf = 0;
  let p = 0;
  for (let k = 0; k < parts.terms.length; k++) {
    fieldsAt[k] = tf;
    postingsAt[k] = p;
    const nFields = termFields[tf++]!;
    for (let f = 0; f < nFields; f++) {
      tf++;
      p += termFields[tf++]!;
    }
    if (tf > termFields.length) break;
  }
  if (p !== docs.length || tf !== termFields.length) throw new Error('miniFromParts: postings do not add up');
  const postingsOf = (k: number): Postings => {
    let at = fieldsAt[k]!;
    let start = postingsAt[k]!;
    const nFields = termFields[at++]!;
    if (nFields === 1) {
      const fieldId = termFields[at++]!;
      return new PackedField(
        new PackedPostings(fieldId, docs, freqs, start, start + termFields[at]!),
      ) as unknown as Postings;
    }
    const fields: Postings = new Map();
    for (let f = 0; f < nFields; f++) {
      const fieldId = termFields[at++]!;
      const end = start + termFields[at++]!;
      const postings = new Map<number, number>();
      for (; start < end; start++) postings.set(docs[start]!, freqs[start]!);
      fields.set(fieldId, postings);
    }
    return fields;
  };
  const index = new PackedTerms(parts.terms, postingsOf);
  s._index = index as unknown as SearchableMap<Postings>;
  partsOf.set(mini, parts);
  if (identity) {
    readers.set(mini, {
      fieldIds: parts.fieldIds,
      read(fieldId, term, visit) {
        const k = index.indexOf(term);
        if (k < 0) return;
        let at = fieldsAt[k]!;
        let start = postingsAt[k]!;
        const nFields = termFields[at++]!;
        for (let f = 0; f < nFields; f++) {
          const id = termFields[at++]!;
          const end = start + termFields[at++]!;
          if (id === fieldId) {
            for (let p = start; p < end; p++) visit(docs[p]!, freqs[p]!);
            return;
          }
          start = end;
        }
      },
    });
  }
  return mini;
}

/**
 * The postings of `field` in a packed MiniSearch whose short ids are passage numbers, read straight from
 * its arrays: a loop over two typed arrays per term, where iterating the Map-like views above costs a
 * generator step and a pair per posting (the first stage reads up to tens of thousands of postings per
 * question). Undefined for any other MiniSearch.
 */
export function packedPostings<T>(
  mini: MiniSearch<T>,
  field: string,
): ((term: string, visit: Visit) => void) | undefined {
  const reader = readers.get(mini);
  const fieldId = reader?.fieldIds[field];
  if (!reader || fieldId === undefined) return undefined;
  return (term, visit) => reader.read(fieldId, term, visit);
}
