import type { DocDate } from './calendar.js';
import type { MentionType } from './mention.js';
import type { Token } from './tokens.js';

/** What a recogniser sees: the passage's tokens and the date of its document. */
export interface TagContext {
  readonly tokens: readonly Token[];
  readonly doc: DocDate | undefined;
}

/** Mentions found by one recogniser at one position, as token ranges; `end` is where scanning resumes. */
export interface Found {
  readonly end: number;
  readonly spans: readonly Span[];
}

export interface Span {
  readonly type: MentionType;
  /** Token range [first, last]. */
  readonly first: number;
  readonly last: number;
  readonly value: string;
}

export const lowerAt = (ctx: TagContext, i: number): string => ctx.tokens[i]?.lower ?? '';

/** Words that mark the number after them as an identifier ("No. 7", "#3"), never an amount or a year. */
export function isIdentifierNumber(ctx: TagContext, i: number): boolean {
  const prev = ctx.tokens[i - 1];
  if (!prev) return false;
  if (prev.text === '#' || prev.lower === 'number' || prev.lower === 'nos' || prev.lower === 'no')
    return true;
  if (prev.text === '.' && ['no', 'nos'].includes(lowerAt(ctx, i - 2))) return true;
  return false;
}
