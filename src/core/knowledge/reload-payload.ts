import { createHash } from 'node:crypto';
import { UNPACED, type Pacer } from '../pace.js';
import type { SearchIndex } from '../search/build-index.js';
import { listsFromParts, passageLists, type IndexParts, type PassageLists } from '../search/index-parts.js';
import { mentionColumns, passageColumns, termColumns } from '../search/packed-passages.js';
import type { Mention } from '../tag/mention.js';
import type { KnowledgeDocument, Passage } from '../types.js';

/**
 * What a reload worker sends the main thread: the index's parts, and per document a digest of what
 * the index keeps about it, less the documents the main thread already holds with the same digest.
 *
 * Why: after one document of the State of the Union base changed, the main thread built all 63,000
 * passages, term lists and mention lists again, and collecting that garbage made its longest stalls.
 * Now those of unchanged documents are the objects it already has. Digests cover the document (its
 * passages and their terms are made from it alone) and its passages' tags, which are not: a lone
 * surname becomes a person when another document names that person in full.
 */
export interface ReloadPayload {
  /** Documents and per-passage columns only of documents not in `reused`; the rest whole. */
  readonly parts: IndexParts;
  /** Every document id, in order, with its number of passages and its digest. */
  readonly ids: readonly string[];
  readonly counts: readonly number[];
  readonly digests: readonly string[];
  /** Per document: left out, the receiver holds it. */
  readonly reused?: readonly boolean[];
}

/** Document id → digest of what the index keeps about it. */
export type DocumentDigests = ReadonlyMap<string, string>;

/** Passages per document; passages come document by document (see loadKnowledgeBase). */
function countsOf(documents: readonly KnowledgeDocument[], passages: readonly Passage[]): number[] {
  const at = new Map(documents.map((d, k) => [d.id, k]));
  const counts = new Array<number>(documents.length).fill(0);
  let last = 0;
  for (const p of passages) {
    const k = at.get(p.documentId);
    if (k === undefined || k < last) throw new Error('reload payload: passages out of document order');
    counts[k]!++;
    last = k;
  }
  return counts;
}

function digestsOf(
  documents: readonly KnowledgeDocument[],
  counts: readonly number[],
  tags: readonly (readonly Mention[])[],
): string[] {
  let start = 0;
  return documents.map((doc, k) => {
    const end = start + counts[k]!;
    const own = JSON.stringify([doc, tags.slice(start, end)]);
    start = end;
    return createHash('sha1').update(own).digest('base64');
  });
}

/** The digests of an index's documents: what a reload passes as `known`. */
export function documentDigests(index: SearchIndex): DocumentDigests {
  const documents = index.documents();
  const { passages, tags } = passageLists(index);
  const digests = digestsOf(documents, countsOf(documents, passages), tags);
  return new Map(documents.map((d, k) => [d.id, digests[k]!]));
}

/** The payload for a receiver that holds `known`; `lists` are the per-passage lists of `parts`. */
export function reloadPayload(parts: IndexParts, lists: PassageLists, known: DocumentDigests): ReloadPayload {
  const { documents } = parts;
  const counts = countsOf(documents, lists.passages);
  const digests = digestsOf(documents, counts, lists.tags);
  const ids = documents.map((d) => d.id);
  const reused = ids.map((id, k) => known.get(id) === digests[k]);
  if (!reused.includes(true)) return { parts, ids, counts, digests };
  const fresh: KnowledgeDocument[] = [];
  const passages: Passage[] = [];
  const passageTerms: (readonly string[])[] = [];
  const tags: (readonly Mention[])[] = [];
  let start = 0;
  for (let k = 0; k < documents.length; k++) {
    const end = start + counts[k]!;
    if (!reused[k]) {
      fresh.push(documents[k]!);
      for (let p = start; p < end; p++) {
        passages.push(lists.passages[p]!);
        passageTerms.push(lists.passageTerms[p]!);
        tags.push(lists.tags[p]!);
      }
    }
    start = end;
  }
  return {
    parts: {
      ...parts,
      documents: fresh,
      passages: passageColumns(fresh, passages),
      passageTerms: termColumns(passageTerms, parts.vocab.terms),
      tags: mentionColumns(tags),
    },
    ids,
    counts,
    digests,
    reused,
  };
}

/**
 * The whole parts and per-passage lists again: what the payload left out is taken from `previous`
 * (the index whose digests were `known`). Paced: it runs on the main thread while the bot answers.
 */
export async function restorePayload(
  payload: ReloadPayload,
  previous: SearchIndex | undefined,
  pace: Pacer = UNPACED,
): Promise<{ parts: IndexParts; lists: PassageLists; digests: DocumentDigests }> {
  const { parts, ids, counts, reused } = payload;
  const digests = new Map(ids.map((id, k) => [id, payload.digests[k]!]));
  const given = await listsFromParts(parts, pace);
  if (!reused) return { parts, lists: given, digests };
  if (!previous) throw new Error('reload payload: documents left out, and no index to take them from');
  const firstOf = new Map<string, number>();
  for (let k = 0; k < previous.passageCount; k++) {
    const { documentId } = previous.passage(k);
    if (!firstOf.has(documentId)) firstOf.set(documentId, k);
  }
  const documents: KnowledgeDocument[] = [];
  const passages: Passage[] = [];
  const passageTerms: (readonly string[])[] = [];
  const tags: (readonly Mention[])[] = [];
  let fresh = 0;
  let freshPassage = 0;
  for (let k = 0; k < ids.length; k++) {
    const n = counts[k]!;
    if (reused[k]) {
      const doc = previous.document(ids[k]!);
      const start = n === 0 ? 0 : firstOf.get(ids[k]!);
      if (!doc || start === undefined) throw new Error(`reload payload: ${ids[k]} is not in the index in use`);
      documents.push(doc);
      for (let p = start; p < start + n; p++) {
        const passage = p < previous.passageCount ? previous.passage(p) : undefined;
        if (passage?.documentId !== doc.id) throw new Error(`reload payload: ${doc.id} differs`);
        passages.push(passage);
        passageTerms.push(previous.terms(p));
        tags.push(previous.mentions(p) ?? []);
        if (pace.due()) await pace.pause();
      }
    } else {
      documents.push(parts.documents[fresh++]!);
      for (let p = freshPassage; p < freshPassage + n; p++) {
        passages.push(given.passages[p]!);
        passageTerms.push(given.passageTerms[p]!);
        tags.push(given.tags[p]!);
        if (pace.due()) await pace.pause();
      }
      freshPassage += n;
    }
  }
  if (fresh !== parts.documents.length || freshPassage !== given.passages.length) {
    throw new Error('reload payload: documents and passages do not add up');
  }
  return { parts: { ...parts, documents }, lists: { passages, passageTerms, tags }, digests };
}
