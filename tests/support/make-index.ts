import { buildIndex, type KnowledgeDocument, type SearchIndex } from '../../src/core/index.js';
import { chunkDocument } from '../../src/core/load/chunk.js';

export interface DocSpec {
  readonly id: string;
  readonly title?: string;
  readonly body: string;
  readonly url?: string;
  readonly source?: string;
  readonly date?: string;
}

/** An index over inline documents: answer tests need no files. */
export function makeIndex(specs: readonly DocSpec[]): SearchIndex {
  const documents: KnowledgeDocument[] = specs.map((s) => ({
    id: s.id,
    path: `${s.id}.md`,
    title: s.title ?? s.id,
    tags: [],
    body: s.body,
    bodyLine: 1,
    ...(s.url ? { url: s.url } : {}),
    ...(s.source ? { source: s.source } : {}),
    ...(s.date ? { date: s.date } : {}),
  }));
  return buildIndex({ documents, passages: documents.flatMap(chunkDocument) });
}
