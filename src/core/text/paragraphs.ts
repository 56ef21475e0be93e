import { Lexer, Tokenizer, type Token, type Tokens } from 'marked';
import { TEXT_LIMITS } from './limits.js';

export interface Block {
  readonly kind: 'heading' | 'paragraph';
  /** Offsets into the body. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Heading level, 1 for `#`. */
  readonly depth?: number;
}

export interface LexedBody {
  readonly blocks: Block[];
  /** Offsets of lines whose Markdown nesting went past TEXT_LIMITS and was read as text. */
  readonly flattened: number[];
}

/**
 * Cuts a body into headings and paragraphs with marked's block lexer, so Markdown means what it means
 * everywhere (a `# comment` inside a code fence is code, not a heading). A list item and a code block are
 * paragraphs of their own, so each bullet can be cited on its own; thematic breaks only separate.
 *
 * Why marked and not micromark: marked's block lexer reads the State of the Union base about 20 times
 * faster, and micromark took 13 s on 200 KB of bullet lines and grew faster than the square of the
 * nesting depth of quotes and lists. marked's table pattern is quadratic on "a\n-\n" lines, so tables
 * (not needed to find sentences) are switched off; deep nesting and long windows are capped (TEXT_LIMITS).
 */
export function lexBlocks(body: string): LexedBody {
  const { text, flattened } = flattenDeepNesting(body);
  const walker = new BlockWalker(body);
  for (const [start, end] of lexWindows(text)) {
    const tokens = new Lexer({ gfm: true, tokenizer: TOKENIZER }).blockTokens(text.slice(start, end), []);
    walker.topLevel(tokens, start);
  }
  return { blocks: walker.blocks, flattened };
}

/** The headings and paragraphs of a body (see lexBlocks). */
export function splitBlocks(body: string): Block[] {
  return lexBlocks(body).blocks;
}

const TOKENIZER = new Tokenizer();
TOKENIZER.table = () => undefined;

/**
 * Replaces carriage returns and container markers past the nesting caps with spaces. Every character
 * keeps its offset, so the lexer's tokens still point into the original body.
 */
function flattenDeepNesting(body: string): { text: string; flattened: number[] } {
  const parts: string[] = [];
  const flattened: number[] = [];
  let copied = 0;
  let lineStart = 0;
  while (lineStart <= body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = body.length;
    let pos = lineStart;
    let markers = 0;
    let capped = false;
    for (;;) {
      while (pos < lineEnd && (body[pos] === ' ' || body[pos] === '\t')) pos++;
      const markerEnd = containerMarkerEnd(body, pos, lineEnd);
      if (markerEnd < 0) break;
      markers++;
      if (markers > TEXT_LIMITS.maxNesting || pos - lineStart > TEXT_LIMITS.maxMarkerColumn) {
        parts.push(body.slice(copied, pos), ' '.repeat(markerEnd - pos));
        copied = markerEnd;
        capped = true;
      }
      pos = markerEnd;
    }
    if (capped) flattened.push(lineStart);
    lineStart = lineEnd + 1;
  }
  parts.push(body.slice(copied));
  const text = parts.join('');
  return { text: text.includes('\r') ? text.replace(/\r/g, ' ') : text, flattened };
}

/** The end of a `>`, bullet or `1.` marker starting at `pos`, or -1 when there is none. */
function containerMarkerEnd(text: string, pos: number, lineEnd: number): number {
  const c = text[pos];
  if (c === '>') return pos + 1;
  const spaceAt = (k: number): boolean => k >= lineEnd || text[k] === ' ' || text[k] === '\t';
  if (c === '-' || c === '*' || c === '+') return spaceAt(pos + 1) ? pos + 1 : -1;
  let k = pos;
  while (k < lineEnd && k - pos < 9 && text[k]! >= '0' && text[k]! <= '9') k++;
  if (k === pos || (text[k] !== '.' && text[k] !== ')')) return -1;
  return spaceAt(k + 1) ? k + 1 : -1;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Windows of the text for the lexer: cut after a blank line outside a code fence once a window is
 * lexWindowChars long, or at any line end outside a fence once it is lexMaxWindowChars long.
 */
function* lexWindows(text: string): Generator<[number, number]> {
  let windowStart = 0;
  let lineStart = 0;
  let fence: string | undefined;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 200));
    const mark = FENCE.exec(line)?.[1];
    if (mark !== undefined) {
      if (fence === undefined) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length && line.trim() === mark) fence = undefined;
    }
    const size = lineEnd - windowStart;
    const blank = line.trim() === '' && lineEnd - lineStart <= 200;
    if (
      fence === undefined &&
      ((blank && size >= TEXT_LIMITS.lexWindowChars) || size >= TEXT_LIMITS.lexMaxWindowChars)
    ) {
      yield [windowStart, lineEnd];
      windowStart = lineEnd;
    }
    lineStart = lineEnd;
  }
  if (windowStart < text.length) yield [windowStart, text.length];
}

/** How far past the cursor a nested token's line is looked for: container markers and blank lines. */
const SEARCH_SLACK = 256;
const CLOSING_FENCE = /^\s*(`{3,}|~{3,})\s*$/;

/**
 * Turns tokens into blocks with offsets into the body. Top-level tokens are laid end to end, so their
 * offsets are exact; tokens inside quotes and list items were lexed from text with the markers taken
 * out, so each of their lines is found again in the body, a bounded distance after the previous one.
 */
class BlockWalker {
  readonly blocks: Block[] = [];
  #cursor = 0;
  readonly #body: string;

  constructor(body: string) {
    this.#body = body;
  }

  topLevel(tokens: readonly Token[], at: number): void {
    let offset = at;
    for (const token of tokens) {
      this.#cursor = offset;
      this.#visit(token, offset);
      offset += token.raw.length;
    }
  }

  #visit(token: Token, at: number | undefined): void {
    switch (token.type) {
      case 'space':
      case 'hr':
      case 'checkbox':
        return;
      case 'heading': {
        this.#heading(token as Tokens.Heading, at);
        return;
      }
      case 'list': {
        let itemAt = at;
        for (const item of (token as Tokens.List).items) {
          if (itemAt !== undefined) {
            this.#cursor = itemAt + (/^\s*(?:[-*+]|\d{1,9}[.)])/.exec(item.raw)?.[0].length ?? 0);
            itemAt += item.raw.length;
          }
          for (const child of item.tokens) this.#visit(child, undefined);
        }
        return;
      }
      case 'blockquote':
        for (const child of (token as Tokens.Blockquote).tokens) this.#visit(child, undefined);
        return;
      default: {
        const range = at === undefined ? this.#locate(token.raw) : this.#exact(token.raw, at);
        if (!range) return;
        let [start, end] = range;
        if (token.type === 'code' && (token as Tokens.Code).codeBlockStyle !== 'indented') {
          [start, end] = this.#fenceContent(start, end);
        }
        this.#push('paragraph', start, end);
      }
    }
  }

  #heading(token: Tokens.Heading, at: number | undefined): void {
    const text = token.text.trim();
    if (text === '') return;
    const inRaw = at === undefined ? -1 : token.raw.indexOf(text);
    const range: [number, number] | undefined =
      at !== undefined && inRaw >= 0 ? [at + inRaw, at + inRaw + text.length] : this.#locate(text);
    if (range) this.#push('heading', range[0], range[1], token.depth);
  }

  #exact(raw: string, at: number): [number, number] | undefined {
    const lead = raw.length - raw.trimStart().length;
    const end = at + raw.trimEnd().length;
    return at + lead < end ? [at + lead, end] : undefined;
  }

  /** The span of `raw`'s lines in the body, each found after the one before. */
  #locate(raw: string): [number, number] | undefined {
    let start = -1;
    let end = -1;
    for (const piece of raw.split('\n')) {
      const line = piece.trim();
      if (line === '') continue;
      const window = this.#body.slice(this.#cursor, this.#cursor + line.length + SEARCH_SLACK);
      const found = window.indexOf(line);
      if (found < 0) continue;
      const pos = this.#cursor + found;
      if (start < 0) start = pos;
      end = pos + line.length;
      this.#cursor = end;
    }
    return start < 0 ? undefined : [start, end];
  }

  /** A fenced code block's lines without its opening and closing fence lines. */
  #fenceContent(start: number, end: number): [number, number] {
    const firstBreak = this.#body.indexOf('\n', start);
    const from = firstBreak < 0 || firstBreak >= end ? end : firstBreak + 1;
    const lastBreak = this.#body.lastIndexOf('\n', end - 1);
    const to =
      lastBreak >= from && CLOSING_FENCE.test(this.#body.slice(lastBreak + 1, end)) ? lastBreak : end;
    return [from, Math.max(from, to)];
  }

  #push(kind: Block['kind'], start: number, end: number, depth?: number): void {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(this.#body[s]!)) s++;
    while (e > s && /\s/.test(this.#body[e - 1]!)) e--;
    if (e <= s) return;
    const text = this.#body.slice(s, e);
    this.blocks.push({ kind, start: s, end: e, text, ...(depth !== undefined ? { depth } : {}) });
  }
}
