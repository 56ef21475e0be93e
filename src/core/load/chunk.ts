import { lexBlocks } from '../text/paragraphs.js';
import { splitSentences } from '../text/sentences.js';
import { unstemmedWords } from '../text/terms.js';
import { TEXT_LIMITS } from '../text/limits.js';
import type { KnowledgeDocument, LoadError, Passage } from '../types.js';

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

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Cuts a document into sentence passages with stable ids: `doc#p3.s2` is the second sentence of the
 * third paragraph. Headings are not passages; they label the paragraphs under them. What the text caps
 * changed (a word too long to stem, Markdown nested too deep) is added to `warnings`: the document
 * still loads, and the moderator learns why a word may not be found in all its forms.
 */
export function chunkDocumentReporting(doc: KnowledgeDocument, warnings: LoadError[]): Passage[] {
  const found: LoadError[] = [];
  const passages = chunk(doc, found);
  warnings.push(...found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return passages;
}

function chunk(doc: KnowledgeDocument, warnings: LoadError[]): Passage[] {
  const passages: Passage[] = [];
  let paragraph = 0;
  let heading: string | undefined;
  const lexed = lexBlocks(doc.body);
  const nestingLine = lineCounter(doc.body, doc.bodyLine);
  for (const offset of lexed.flattened) {
    warnings.push({
      file: doc.path,
      line: nestingLine(offset),
      message: `Markdown nested more than ${TEXT_LIMITS.maxNesting} levels deep (or indented past column ${TEXT_LIMITS.maxMarkerColumn}), read as plain text`,
    });
  }
  const lineAt = lineCounter(doc.body, doc.bodyLine);
  for (const block of lexed.blocks) {
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
      for (const word of unstemmedWords(text)) {
        const letters = text.slice(word.index, word.index + word.length).replace(/[^\p{L}]/gu, '').length;
        if (letters <= TEXT_LIMITS.maxStemmedWordChars) continue;
        warnings.push({
          file: doc.path,
          line: lineAt(start),
          message: `word of ${count(letters)} letters, indexed without stemming`,
        });
      }
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

/** chunkDocumentReporting without the warnings. */
export const chunkDocument = (doc: KnowledgeDocument): Passage[] => chunkDocumentReporting(doc, []);
