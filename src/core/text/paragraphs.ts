export interface Block {
  readonly kind: 'heading' | 'paragraph';
  /** Offsets into the body. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

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
    if (line.trim() === '') {
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
      if (LIST_ITEM.test(line)) flush();
      if (start < 0) start = lineStart;
      end = lineEnd;
    }
  }
  flush();
  return blocks;
}
