import type MiniSearch from 'minisearch';
import type { Mention } from '../tag/mention.js';
import type { KnowledgeBase, KnowledgeDocument, Passage } from '../types.js';
import type { EntityParts } from './entities.js';
import type { Vocabulary } from './vocabulary.js';

export interface IndexedPassage {
  readonly i: number;
  readonly text: string;
}

/**
 * What an index is made of: the knowledge base and, by passage number, lists kept in step with its
 * passages. Built and taken apart only in `src/core/search` (indexing, the cache, reloads); the rest of
 * the code reads an index through the accessors of `SearchIndex`.
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

/** Everything the answerer needs, built once per knowledge base and then only read. */
export interface SearchIndex extends IndexData {
  readonly passageCount: number;
  /** Passage `i` (0 ≤ i < passageCount); any other number is a bug, and a RangeError. */
  passage(i: number): Passage;
  /** Index terms of passage `i`, in order, as `termsOf` reads its text. */
  terms(i: number): readonly string[];
  /** Terms of the title and heading above passage `i`. */
  labels(i: number): ReadonlySet<string>;
  /** Typed mentions of passage `i`; undefined when the index holds no tags (`withoutTags`). */
  mentions(i: number): readonly Mention[] | undefined;
  /** Whether passage `j` exists and stands in the same paragraph of the same document as passage `i`. */
  sameParagraph(i: number, j: number): boolean;
  /** The document with this id, if the knowledge base has it. */
  document(id: string): KnowledgeDocument | undefined;
}

/**
 * The one place an index is put together from its data, so every index has the same accessors. They
 * close over `data`: a variant of an index (`withoutTags`) is made here too, never by spreading one.
 */
export function searchIndexOf(data: IndexData): SearchIndex {
  const { passages } = data.kb;
  const { passageTerms, labelTerms, tags } = data;
  const at = <T>(list: readonly T[], i: number): T => {
    const item = list[i];
    if (item === undefined) throw new RangeError(`no passage ${i} in an index of ${passages.length}`);
    return item;
  };
  return {
    ...data,
    passageCount: passages.length,
    passage: (i) => at(passages, i),
    terms: (i) => at(passageTerms, i),
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
    document: (id) => data.documents.get(id),
  };
}

const untagged = new WeakMap<SearchIndex, SearchIndex>();

/** The same index as if it had never been tagged: the surface checks alone (`eval --ablate tags`). */
export function withoutTags(index: SearchIndex): SearchIndex {
  let copy = untagged.get(index);
  if (!copy) untagged.set(index, (copy = searchIndexOf({ ...index, tags: [] })));
  return copy;
}
