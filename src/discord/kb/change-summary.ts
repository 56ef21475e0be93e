import type { KnowledgeBase, KnowledgeDocument } from '../../core/index.js';

/** A document as a moderator recognises it: its title, id and size. */
export interface DocumentLine {
  readonly id: string;
  readonly title: string;
  readonly passages: number;
}

/** What a change of the folder does to the knowledge base, document by document and passage by passage. */
export interface ChangeSummary {
  readonly added: readonly DocumentLine[];
  readonly removed: readonly DocumentLine[];
  readonly changed: readonly DocumentLine[];
  /** Passages (sentences) that appear, and disappear, counting repeats. */
  readonly passagesAdded: number;
  readonly passagesRemoved: number;
  readonly documents: number;
  readonly passages: number;
}

export function passageCounts(kb: KnowledgeBase): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of kb.passages) counts.set(p.documentId, (counts.get(p.documentId) ?? 0) + 1);
  return counts;
}

export const documentLine = (doc: KnowledgeDocument, counts: ReadonlyMap<string, number>): DocumentLine => ({
  id: doc.id,
  title: doc.title,
  passages: counts.get(doc.id) ?? 0,
});

/** Compares two knowledge bases; linear in their sizes. */
export function summarizeChange(before: KnowledgeBase, after: KnowledgeBase): ChangeSummary {
  const beforeDocs = new Map(before.documents.map((d) => [d.id, d]));
  const afterDocs = new Map(after.documents.map((d) => [d.id, d]));
  const beforeCounts = passageCounts(before);
  const afterCounts = passageCounts(after);
  const beforeText = passageTexts(before);
  const afterText = passageTexts(after);
  const changedIds = new Set<string>();
  let passagesAdded = 0;
  let passagesRemoved = 0;
  for (const [key, n] of afterText) {
    const extra = n - (beforeText.get(key) ?? 0);
    if (extra > 0) {
      passagesAdded += extra;
      changedIds.add(key.slice(0, key.indexOf('\u0000')));
    }
  }
  for (const [key, n] of beforeText) {
    const gone = n - (afterText.get(key) ?? 0);
    if (gone > 0) {
      passagesRemoved += gone;
      changedIds.add(key.slice(0, key.indexOf('\u0000')));
    }
  }
  for (const [id, doc] of afterDocs) {
    const old = beforeDocs.get(id);
    if (old && (old.title !== doc.title || old.body !== doc.body || old.path !== doc.path))
      changedIds.add(id);
  }
  return {
    added: after.documents.filter((d) => !beforeDocs.has(d.id)).map((d) => documentLine(d, afterCounts)),
    removed: before.documents.filter((d) => !afterDocs.has(d.id)).map((d) => documentLine(d, beforeCounts)),
    changed: after.documents
      .filter((d) => beforeDocs.has(d.id) && changedIds.has(d.id))
      .map((d) => documentLine(d, afterCounts)),
    passagesAdded,
    passagesRemoved,
    documents: after.documents.length,
    passages: after.passages.length,
  };
}

function passageTexts(kb: KnowledgeBase): Map<string, number> {
  const texts = new Map<string, number>();
  for (const p of kb.passages) {
    const key = `${p.documentId}\u0000${p.text}`;
    texts.set(key, (texts.get(key) ?? 0) + 1);
  }
  return texts;
}
