import { TUNING } from '../answer/tuning.js';
import { deriveEntities } from './entities.js';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Mention } from '../tag/mention.js';
import { Tagger } from '../tag/tagger.js';
import { termsOf } from '../text/terms.js';
import type { KnowledgeBase, KnowledgeDocument, Passage } from '../types.js';
import { searchIndexOf, type IndexedPassage, type SearchIndex } from './search-index.js';
import { TermInverter, type Inverted } from './invert-terms.js';
import { miniFromParts } from './mini-parts.js';
import { rememberTermColumns } from './packed-passages.js';
import { vocabularyFromParts } from './vocabulary.js';

export type { IndexedPassage, SearchIndex } from './search-index.js';

const splitTerms = (text: string): string[] => text.split(' ');
const asIs = (term: string): string => term;
const INDEXED_FIELD = 'text';

/**
 * One field per sentence, holding terms already normalised by termsOf (computed once and shared with
 * the reranker); queries are built from such terms, so MiniSearch must not lower-case or split again.
 * Titles and headings are not indexed: in a long document a title word would match every sentence of
 * it (a State of the Union title matched 63,000 sentences for "state"); the reranker credits them instead.
 */
export const miniSearchOptions = {
  idField: 'i',
  fields: [INDEXED_FIELD],
  tokenize: splitTerms,
  processTerm: asIs,
  searchOptions: { tokenize: splitTerms, processTerm: asIs },
};

function labelTermsOf(
  kb: KnowledgeBase,
  documents: ReadonlyMap<string, KnowledgeDocument>,
): ReadonlySet<string>[] {
  const shared = new Map<string, ReadonlySet<string>>();
  return kb.passages.map((p: Passage) => {
    const key = `${p.documentId}\n${p.heading ?? ''}`;
    let terms = shared.get(key);
    if (!terms) {
      terms = new Set(termsOf(`${documents.get(p.documentId)?.title ?? ''} \n ${p.heading ?? ''}`));
      shared.set(key, terms);
    }
    return terms;
  });
}

/** Each passage with its document's date, as the tagger needs it (relative dates, datelines). */
function taggable(kb: KnowledgeBase): (p: Passage) => { text: string; date: string | undefined } {
  const dates = new Map(kb.documents.map((d) => [d.id, d.date]));
  return (p) => ({ text: p.text, date: dates.get(p.documentId) });
}

/** Indexes every passage of a knowledge base (one MiniSearch document per sentence). */
export function buildIndex(kb: KnowledgeBase): SearchIndex {
  const passageTerms = kb.passages.map((p) => termsOf(p.text));
  const inverter = new TermInverter(INDEXED_FIELD);
  for (const terms of passageTerms) inverter.add(terms);
  const tagger = new Tagger();
  const withDate = taggable(kb);
  for (const p of kb.passages) tagger.add(withDate(p));
  return assembleIndex(kb, passageTerms, inverter.finish(), tagger.finish());
}

/**
 * The same index, built in slices with the event loop let in between, so a bot keeps answering (from
 * its current index) while a large knowledge base is re-indexed.
 */
export async function buildIndexAsync(kb: KnowledgeBase, sliceSize = 2_000): Promise<SearchIndex> {
  const passageTerms: string[][] = [];
  for (let start = 0; start < kb.passages.length; start += sliceSize) {
    for (const p of kb.passages.slice(start, start + sliceSize)) passageTerms.push(termsOf(p.text));
    await yieldToEventLoop();
  }
  const inverter = new TermInverter(INDEXED_FIELD);
  for (let start = 0; start < passageTerms.length; start += sliceSize) {
    for (const terms of passageTerms.slice(start, start + sliceSize)) inverter.add(terms);
    await yieldToEventLoop();
  }
  const inverted = inverter.finish();
  const tagger = new Tagger();
  const withDate = taggable(kb);
  for (let start = 0; start < kb.passages.length; start += sliceSize) {
    for (const p of kb.passages.slice(start, start + sliceSize)) tagger.add(withDate(p));
    await yieldToEventLoop();
  }
  return assembleIndex(kb, passageTerms, inverted, tagger.finish());
}

/**
 * The parts derived cheaply from a knowledge base, its passage terms and their inversion. MiniSearch
 * searches the packed arrays (mini-parts.ts), as it does in a loaded index: every index is read-only
 * once built.
 */
function assembleIndex(
  kb: KnowledgeBase,
  passageTerms: readonly (readonly string[])[],
  inverted: Inverted,
  tags: readonly (readonly Mention[])[],
): SearchIndex {
  const documents = new Map(kb.documents.map((d) => [d.id, d]));
  const labelTerms = labelTermsOf(kb, documents);
  const entities = deriveEntities(kb, passageTerms, TUNING);
  rememberTermColumns(passageTerms, inverted.vocab.terms, inverted.passageTerms);
  return searchIndexOf({
    kb,
    mini: miniFromParts<IndexedPassage>(inverted.mini, miniSearchOptions),
    vocab: vocabularyFromParts(inverted.vocab),
    documents,
    passageTerms,
    labelTerms,
    tags,
    entities,
  });
}
