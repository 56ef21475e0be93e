export interface Block {
  readonly kind: 'heading' | 'paragraph';
  /** Offsets into the body. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
// A thematic break (---, ***, ___) separates paragraphs; it is not one.
const RULE = /^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;

/**
 * Cuts a body into headings and paragraphs. Paragraphs are separated by blank lines; a Markdown heading
 * or a list item always starts a block of its own, so each bullet can be cited on its own.
 */
export function splitBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let start = -1;
  let end = -1;
  const flush = (): void => {
    if (start >= 0) blocks.push({ kind: 'paragraph', start, end, text: body.slice(start, end) });
    start = -1;
  };
  let offset = 0;
  for (const line of body.split('\n')) {
    const lineStart = offset;
    const lineEnd = offset + line.replace(/\r$/, '').length;
    offset += line.length + 1;
    const heading = HEADING.exec(line.replace(/\r$/, ''));
    if (line.trim() === '' || RULE.test(line.replace(/\r$/, ''))) {
      flush();
    } else if (heading) {
      flush();
      const textStart = lineStart + line.indexOf(heading[2]!);
      blocks.push({
        kind: 'heading',
        start: textStart,
        end: textStart + heading[2]!.length,
        text: heading[2]!,
      });
    } else {
      // A list item starts its own paragraph, and its marker ("1.", "-") is not part of its text.
      const marker = LIST_ITEM.exec(line);
      if (marker) flush();
      if (start < 0) start = lineStart + (marker ? marker[0].length : 0);
      end = lineEnd;
    }
  }
  flush();
  return blocks;
}
