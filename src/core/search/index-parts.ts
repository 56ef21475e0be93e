import { UNPACED, type Pacer } from '../pace.js';
import type { Mention } from '../tag/mention.js';
import type { KnowledgeDocument, LoadError, Passage } from '../types.js';
import type { EntityParts } from './entities.js';
import { miniSearchOptions } from './build-index.js';
import { indexData, searchIndexOf, type IndexedPassage, type SearchIndex } from './search-index.js';
import { miniFromParts, miniParts, type MiniParts } from './mini-parts.js';
import {
  mentionColumns,
  mentionsFromColumns,
  passageColumns,
  passagesFromColumns,
  termColumns,
  termsFromColumns,
  type MentionColumns,
  type PassageColumns,
  type TermColumns,
} from './packed-passages.js';
import { vocabularyFromParts, vocabularyParts, type VocabularyParts } from './vocabulary.js';

/**
 * A SearchIndex as plain data (arrays, records, typed arrays): what the index cache saves and what a
 * reload worker hands back to the main thread. Every field of SearchIndex is either here or derived
 * in a few milliseconds in `assembleFromParts`; a new SearchIndex field is one line in each function
 * (the TypeScript checker and the cache round-trip test both catch a forgotten one). The per-passage
 * lists are columns (packed-passages.ts).
 */
export interface IndexParts {
  readonly documents: readonly KnowledgeDocument[];
  readonly warnings?: readonly LoadError[];
  readonly passages: PassageColumns;
  /** Ids into `vocab.terms`. */
  readonly passageTerms: TermColumns;
  /** One array per distinct label set, shared by the passages under the same heading. */
  readonly labelTerms: readonly (readonly string[])[];
  readonly mini: MiniParts;
  readonly vocab: VocabularyParts;
  readonly tags: MentionColumns;
  readonly entities: EntityParts;
}

export function indexParts(index: SearchIndex): IndexParts {
  const data = indexData(index);
  const asArray = new Map<ReadonlySet<string>, readonly string[]>();
  const vocab = vocabularyParts(data.vocab);
  const { documents, passages, warnings } = data.kb;
  return {
    documents,
    ...(warnings !== undefined ? { warnings } : {}),
    passages: passageColumns(documents, passages),
    passageTerms: termColumns(data.passageTerms, vocab.terms),
    labelTerms: data.labelTerms.map((set) => {
      let array = asArray.get(set);
      if (!array) asArray.set(set, (array = [...set]));
      return array;
    }),
    mini: miniParts(data.mini),
    vocab,
    tags: mentionColumns(data.tags),
    entities: data.entities,
  };
}

/** The per-passage lists of an index as objects: what the columns of IndexParts turn back into. */
export interface PassageLists {
  readonly passages: readonly Passage[];
  readonly passageTerms: readonly (readonly string[])[];
  readonly tags: readonly (readonly Mention[])[];
}

/** The per-passage lists an index holds, as they are (no copy): what a reload payload is cut from. */
export function passageLists(index: SearchIndex): PassageLists {
  const { kb, passageTerms, tags } = indexData(index);
  return { passages: kb.passages, passageTerms, tags };
}

export async function listsFromParts(parts: IndexParts, pace: Pacer = UNPACED): Promise<PassageLists> {
  return {
    passages: await passagesFromColumns(parts.documents, parts.passages, pace),
    passageTerms: await termsFromColumns(parts.passageTerms, parts.vocab.terms, pace),
    tags: await mentionsFromColumns(parts.tags, pace),
  };
}

/**
 * The index `indexParts` described; with a pacer, built in slices that let the event loop in. A
 * reload that already holds the per-passage lists (most of them kept from the index in use) passes
 * them, and the columns of `parts` are not read.
 */
export async function assembleFromParts(
  parts: IndexParts,
  pace: Pacer = UNPACED,
  lists?: PassageLists,
): Promise<SearchIndex> {
  const { documents, warnings } = parts;
  const { passages, passageTerms, tags } = lists ?? (await listsFromParts(parts, pace));
  const kb = { documents, passages, ...(warnings !== undefined ? { warnings } : {}) };
  const perPassage = [passageTerms, parts.labelTerms, tags];
  if (perPassage.some((list) => list.length !== passages.length)) {
    throw new Error('index parts: one entry per passage expected');
  }
  const asSet = new Map<readonly string[], ReadonlySet<string>>();
  const labelTerms = parts.labelTerms.map((array) => {
    let set = asSet.get(array);
    if (!set) asSet.set(array, (set = new Set(array)));
    return set;
  });
  const mini = miniFromParts<IndexedPassage>(parts.mini, miniSearchOptions);
  if (mini.documentCount !== passages.length) throw new Error('index parts: search index size differs');
  return searchIndexOf({
    kb,
    mini,
    vocab: vocabularyFromParts(parts.vocab),
    documents: new Map(documents.map((d) => [d.id, d])),
    passageTerms,
    labelTerms,
    tags,
    entities: parts.entities,
  });
}
