import { splitBlocks } from '../text/paragraphs.js';
import { splitSentences } from '../text/sentences.js';
import type { KnowledgeDocument, Passage } from '../types.js';

/** Maps increasing offsets to line numbers in one pass over the body, not one pass per passage. */
function lineCounter(body: string, firstLine: number): (offset: number) => number {
  let line = firstLine;
  let next = body.indexOf('\n');
  return (offset) => {
    while (next !== -1 && next < offset) {
      line++;
      next = body.indexOf('\n', next + 1);
    }
    return line;
  };
}

/**
 * Cuts a document into sentence passages with stable ids: `doc#p3.s2` is the second sentence of the
 * third paragraph. Headings are not passages; they label the paragraphs under them.
 */
export function chunkDocument(doc: KnowledgeDocument): Passage[] {
  const passages: Passage[] = [];
  let paragraph = 0;
  let heading: string | undefined;
  const lineAt = lineCounter(doc.body, doc.bodyLine);
  for (const block of splitBlocks(doc.body)) {
    if (block.kind === 'heading') {
      heading = block.text;
      continue;
    }
    paragraph++;
    let sentence = 0;
    for (const span of splitSentences(block.text)) {
      const start = block.start + span.start;
      const end = block.start + span.end;
      const text = doc.body.slice(start, end).replace(/\s+/g, ' ');
      if (!/[\p{L}\p{N}]/u.test(text)) continue;
      sentence++;
      passages.push({
        id: `${doc.id}#p${paragraph}.s${sentence}`,
        documentId: doc.id,
        paragraph,
        sentence,
        start,
        end,
        line: lineAt(start),
        text,
        ...(heading !== undefined ? { heading } : {}),
      });
    }
  }
  return passages;
}
