import type { SearchIndex } from '../search/build-index.js';
import type { Citation } from '../types.js';

/** `¶6`, or `History, ¶3` under a heading: enough to find the sentence in the document. */
export function locationOf(index: SearchIndex, i: number): string {
  const p = index.passage(i);
  return p.heading ? `${p.heading}, ¶${p.paragraph}` : `¶${p.paragraph}`;
}

export function citationOf(index: SearchIndex, i: number, n: number): Citation {
  const p = index.passage(i);
  const doc = index.document(p.documentId);
  return {
    n,
    passageId: p.id,
    documentId: p.documentId,
    title: doc?.title ?? p.documentId,
    location: locationOf(index, i),
    passage: p.text,
    ...(doc?.url !== undefined ? { url: doc.url } : {}),
    ...(doc?.source !== undefined ? { source: doc.source } : {}),
    ...(doc?.date !== undefined ? { date: doc.date } : {}),
  };
}

/** Puts the marker inside the sentence's final stop ("… Barcelona [2].") unless a quote closes it. */
export function withMarker(sentence: string, n: number): string {
  // "… in the U.S." ends in an abbreviation's period, which must stay with its letters.
  const m = /([.!?])$/.exec(sentence);
  if (!m || /(?:^|[\s(])(?:\p{L}\.)+$/u.test(sentence)) return `${sentence} [${n}]`;
  return `${sentence.slice(0, -1)} [${n}]${m[1]}`;
}

/**
 * Joins the chosen sentences in reading order, each with its marker. Sources are numbered in the order
 * they are cited, and a passage chosen twice keeps its first number.
 */
export function composeAnswer(
  index: SearchIndex,
  chosen: readonly number[],
  render: (i: number) => string = (i) => index.passage(i).text,
): { text: string; citations: Citation[] } {
  const ordered = [...new Set(chosen)].sort((a, b) => a - b);
  const citations = ordered.map((i, k) => citationOf(index, i, k + 1));
  const text = ordered.map((i, k) => withMarker(render(i), k + 1)).join(' ');
  return { text, citations };
}
