import MiniSearch from 'minisearch';
import { termsOf } from '../text/terms.js';
import type { KnowledgeBase, KnowledgeDocument, Passage } from '../types.js';
import { buildVocabulary, type Vocabulary } from './vocabulary.js';

interface IndexedPassage {
  readonly i: number;
  readonly text: string;
  readonly context: string;
}

/** Everything the answerer needs, built once per knowledge base and then only read. */
export interface SearchIndex {
  readonly kb: KnowledgeBase;
  readonly mini: MiniSearch<IndexedPassage>;
  readonly vocab: Vocabulary;
  readonly documents: ReadonlyMap<string, KnowledgeDocument>;
  /** Index terms of each passage, by passage number: the reranker reads these instead of re-tokenising. */
  readonly passageTerms: readonly (readonly string[])[];
}

/** Field weights: a sentence's own words count most; its title and heading only help to break ties. */
export const FIELD_BOOST = { text: 1, context: 0.3 } as const;

const splitTerms = (text: string): string[] => text.split(' ');
const asIs = (term: string): string => term;

/**
 * The `text` field holds terms already normalised by termsOf (computed once and shared with the
 * reranker), and queries are built from such terms, so MiniSearch must not lower-case or split them again.
 */
export const miniSearchOptions = {
  idField: 'i',
  fields: ['text', 'context'],
  tokenize: (text: string, field?: string): string[] =>
    field === 'context' ? termsOf(text) : splitTerms(text),
  processTerm: asIs,
  searchOptions: { tokenize: splitTerms, processTerm: asIs },
};

const contextOf = (doc: KnowledgeDocument | undefined, passage: Passage): string =>
  [doc?.title, passage.heading].filter(Boolean).join(' \n ');

/** Indexes every passage of a knowledge base (one MiniSearch document per sentence). */
export function buildIndex(kb: KnowledgeBase): SearchIndex {
  const documents = new Map(kb.documents.map((d) => [d.id, d]));
  const passageTerms = kb.passages.map((p) => termsOf(p.text));
  const mini = new MiniSearch<IndexedPassage>(miniSearchOptions);
  mini.addAll(
    kb.passages.map((p, i) => ({
      i,
      text: passageTerms[i]!.join(' '),
      context: contextOf(documents.get(p.documentId), p),
    })),
  );
  return { kb, mini, vocab: buildVocabulary(passageTerms), documents, passageTerms };
}
