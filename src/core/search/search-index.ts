import type MiniSearch from 'minisearch';
import type { Mention } from '../tag/mention.js';
import type { KnowledgeBase, KnowledgeDocument, LoadError, Passage } from '../types.js';
import type { EntityParts } from './entities.js';
import { fieldLengthOf } from './mini-parts.js';
import { postingsOf, type Postings } from './postings.js';
import type { Vocabulary } from './vocabulary.js';

export interface IndexedPassage {
  readonly i: number;
  readonly text: string;
}

/**
 * What an index is made of: the knowledge base and, by passage number, lists kept in step with its
 * passages. Built and taken apart only in `src/core/search` and by the cache and reload code
 * (`indexData`, kept there by eslint.config.js); everyone else reads an index through `SearchIndex`,
 * so how these are stored can change without touching a reader.
 */
export interface IndexData {
  readonly kb: KnowledgeBase;
  readonly mini: MiniSearch<IndexedPassage>;
  readonly vocab: Vocabulary;
  readonly documents: ReadonlyMap<string, KnowledgeDocument>;
  /** Index terms of each passage, by passage number: the reranker reads these instead of re-tokenising. */
  readonly passageTerms: readonly (readonly string[])[];
  /** Terms of the title and heading above each passage (shared between passages under one heading). */
  readonly labelTerms: readonly ReadonlySet<string>[];
  /** Typed mentions (dates, amounts, people, names given...) of each passage, by passage number: tagged once here, so questions pay nothing. */
  readonly tags: readonly (readonly Mention[])[];
  /** The knowledge base's names and subjects, read at index time (`entities.ts`). */
  readonly entities: EntityParts;
}

/** Everything the answerer and the adapters read of an index, built once per knowledge base and then only read. */
export interface SearchIndex {
  readonly passageCount: number;
  /** Passage `i` (0 ≤ i < passageCount); any other number is a bug, and a RangeError. */
  passage(i: number): Passage;
  /** The number of the passage with this id, if there is one (a scan: for a button press, not a loop). */
  passageNumber(id: string): number | undefined;
  /** Index terms of passage `i`, in order, as `termsOf` reads its text. */
  terms(i: number): readonly string[];
  /** How many distinct terms passage `i` has (what BM25 takes for its length), read from the index, not counted. */
  distinctTerms(i: number): number;
  /** Terms of the title and heading above passage `i`. */
  labels(i: number): ReadonlySet<string>;
  /** Typed mentions of passage `i`; undefined when the index holds no tags (`withoutTags`). */
  mentions(i: number): readonly Mention[] | undefined;
  /** Whether passage `j` exists and stands in the same paragraph of the same document as passage `i`. */
  sameParagraph(i: number, j: number): boolean;
  /** The passages holding each index term, with its frequency there (the first stage's postings). */
  postings(): Postings;
  /** Document frequencies of the index terms, and near spellings for typo correction. */
  readonly vocabulary: Vocabulary;
  /** The knowledge base's names and subjects, read at index time (`entities.ts`). */
  readonly entities: EntityParts;
  readonly documentCount: number;
  /** The documents, in the order their passages are numbered. */
  documents(): readonly KnowledgeDocument[];
  /** The document with this id, if the knowledge base has it. */
  document(id: string): KnowledgeDocument | undefined;
  /** How many passages the document with this id has (0 when there is no such document). */
  passagesOf(documentId: string): number;
  /** What loaded but not quite as written (`KnowledgeBase.warnings`); empty when nothing. */
  readonly warnings: readonly LoadError[];
}

const dataOf = new WeakMap<SearchIndex, IndexData>();

/**
 * The one place an index is put together from its data, so every index has the same accessors. They
 * close over `data`: a variant of an index (`withoutTags`) is made here too, never by spreading one.
 */
export function searchIndexOf(data: IndexData): SearchIndex {
  const { passages, documents, warnings = [] } = data.kb;
  const { passageTerms, labelTerms, tags } = data;
  let perDocument: Map<string, number> | undefined;
  const at = <T>(list: readonly T[], i: number): T => {
    const item = list[i];
    if (item === undefined) throw new RangeError(`no passage ${i} in an index of ${passages.length}`);
    return item;
  };
  const index: SearchIndex = {
    passageCount: passages.length,
    passage: (i) => at(passages, i),
    passageNumber(id) {
      const i = passages.findIndex((p) => p.id === id);
      return i < 0 ? undefined : i;
    },
    terms: (i) => at(passageTerms, i),
    distinctTerms(i) {
      const length = fieldLengthOf(data.mini, i);
      // MiniSearch gives a passage without terms a length of 1; it has none.
      return length === 1 && at(passageTerms, i).length === 0 ? 0 : length;
    },
    labels: (i) => at(labelTerms, i),
    mentions: (i) => {
      at(passages, i);
      return tags[i];
    },
    sameParagraph(i, j) {
      const a = passages[i];
      const b = passages[j];
      return (
        a !== undefined && b !== undefined && a.documentId === b.documentId && a.paragraph === b.paragraph
      );
    },
    postings: () => postingsOf(data.mini, 'text'),
    vocabulary: data.vocab,
    entities: data.entities,
    documentCount: documents.length,
    documents: () => documents,
    document: (id) => data.documents.get(id),
    passagesOf(documentId) {
      if (!perDocument) {
        perDocument = new Map();
        for (const p of passages) perDocument.set(p.documentId, (perDocument.get(p.documentId) ?? 0) + 1);
      }
      return perDocument.get(documentId) ?? 0;
    },
    warnings,
  };
  dataOf.set(index, data);
  return index;
}

/**
 * The data an index was made from: for the code that saves, sends or rebuilds an index (the cache,
 * reloads) and for tests, never for answering (eslint.config.js keeps it so).
 */
export function indexData(index: SearchIndex): IndexData {
  const data = dataOf.get(index);
  if (!data) throw new TypeError('not an index made by searchIndexOf');
  return data;
}

const untagged = new WeakMap<SearchIndex, SearchIndex>();

/** The same index as if it had never been tagged: the surface checks alone (`eval --ablate tags`). */
export function withoutTags(index: SearchIndex): SearchIndex {
  let copy = untagged.get(index);
  if (!copy) untagged.set(index, (copy = searchIndexOf({ ...indexData(index), tags: [] })));
  return copy;
}
