import { lowerAt, type Span, type TagContext } from './context.js';
import { foldName } from './fold.js';
import type { Token } from './tokens.js';

/** Words after which a name given to someone or something follows ("a botnet called Kelihos"). */
const CUES = new Set([
  'codenamed',
  'codename',
  'codenames',
  'nicknamed',
  'nickname',
  'nicknames',
  'dubbed',
  'called',
  'calls',
  'alias',
  'aliases',
  'aka',
  'a.k.a.',
  'moniker',
  'monikers',
  'handle',
  'handles',
  'pseudonym',
  'pseudonyms',
  'named',
  'name',
  'names',
  'titled',
  'entitled',
  'christened',
  'branded',
  'styled',
]);
/** Two-word cues: "known as", "went by", "code named", "referred to as". */
const PAIR_CUES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['known', new Set(['as', 'by'])],
  ['code', new Set(['named', 'name', 'names', '-'])],
  ['went', new Set(['by'])],
  ['goes', new Set(['by'])],
  ['go', new Set(['by'])],
  ['referred', new Set(['to'])],
]);
/** Words between a cue and the name ("known by the online nickname", "calls him one of the"). */
const BETWEEN = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'its',
  'their',
  'him',
  'it',
  'them',
  'itself',
  'himself',
  'herself',
  'themselves',
  'by',
  'as',
  'also',
  'simply',
  'online',
  'hacker',
  'screen',
  'user',
  'code',
  'nickname',
  'nicknames',
  'name',
  'names',
  'handle',
  'handles',
  'alias',
  'aliases',
  'moniker',
  'codename',
  'pseudonym',
  'one',
  'of',
  'so',
  '-',
  'named',
  'to',
  'internet',
  'underground',
  'criminal',
  'forum',
  'forums',
  'cyber',
]);
const MAX_BETWEEN = 6;
const MAX_QUOTED_TOKENS = 8;
const MAX_NAME_WORDS = 4;
const OPEN_QUOTES = new Set(['"', '“', '‘', '«', "'"]);
const CLOSE_OF: Readonly<Record<string, readonly string[]>> = {
  '"': ['"', '”'],
  '“': ['”', '"'],
  '‘': ['’', "'"],
  '«': ['»'],
  "'": ["'", '’'],
};

/** A name-like word: capitalised, or holding a digit or an inner capital ("Track2", "nCux"). */
const nameish = (t: Token | undefined): boolean =>
  !!t && t.kind === 'word' && (t.cap || /\d/.test(t.text) || /\p{Ll}\p{Lu}/u.test(t.text));

interface Named {
  readonly first: number;
  readonly last: number;
  readonly end: number;
  readonly value: string;
}

/** A quoted name at i ("Track2", “kings of spam.”), without the closing punctuation inside the quotes. */
function quoted(text: string, tokens: readonly Token[], i: number): Named | undefined {
  const open = tokens[i];
  if (!open || !OPEN_QUOTES.has(open.text)) return undefined;
  const closers = CLOSE_OF[open.text] ?? [];
  for (let j = i + 1; j <= i + MAX_QUOTED_TOKENS && j < tokens.length; j++) {
    if (!closers.includes(tokens[j]!.text)) continue;
    let last = j - 1;
    while (last > i && tokens[last]!.kind === 'punct') last--;
    if (last <= i) return undefined;
    const value = foldName(text.slice(tokens[i + 1]!.start, tokens[last]!.end)).replace(/\s+/g, ' ');
    return { first: i + 1, last, end: j + 1, value };
  }
  return undefined;
}

/** An unquoted name at i: up to four name-like words ("Kelihos", "Ghost Click", "nCux"). */
function bare(text: string, tokens: readonly Token[], i: number): Named | undefined {
  if (!nameish(tokens[i])) return undefined;
  let last = i;
  while (last - i + 1 < MAX_NAME_WORDS && nameish(tokens[last + 1]) && tokens[last + 1]!.gap) last++;
  return { first: i, last, end: last + 1, value: foldName(text.slice(tokens[i]!.start, tokens[last]!.end)) };
}

const nameAt = (text: string, tokens: readonly Token[], i: number): Named | undefined =>
  quoted(text, tokens, i) ?? bare(text, tokens, i);

/** Where the name after a cue at i may start, if i is a cue. */
function afterCue(ctx: TagContext, i: number): number | undefined {
  const w = lowerAt(ctx, i);
  if (CUES.has(w)) return i + 1;
  const pair = PAIR_CUES.get(w);
  if (pair?.has(lowerAt(ctx, i + 1))) {
    if (w === 'code' && lowerAt(ctx, i + 1) === '-')
      return lowerAt(ctx, i + 2) === 'named' ? i + 3 : undefined;
    if (w === 'referred') return lowerAt(ctx, i + 2) === 'as' ? i + 3 : undefined;
    return i + 2;
  }
  return undefined;
}

/**
 * Names given to people and things: after "codenamed", "known as", "nicknamed", "dubbed", "called",
 * "alias", quoted or not, and lists of them ("the online names Track2, Bulba and nCux"). Also
 * "Operation X". Every step looks a bounded number of tokens ahead.
 */
export function readGivenName(
  text: string,
  ctx: TagContext,
  i: number,
): { end: number; spans: Span[] } | undefined {
  const tokens = ctx.tokens;
  const t = tokens[i];
  if (!t || t.kind !== 'word') return undefined;
  if (t.lower === 'operation' && t.cap && nameish(tokens[i + 1]) && tokens[i + 1]!.cap) {
    const n = bare(text, tokens, i + 1);
    if (n)
      return {
        end: n.end,
        spans: [
          { type: 'name', first: i, last: n.last, value: foldName(text.slice(t.start, tokens[n.last]!.end)) },
        ],
      };
  }
  let j = afterCue(ctx, i);
  if (j === undefined) return undefined;
  for (let skipped = 0; skipped < MAX_BETWEEN && j < tokens.length; skipped++) {
    if (
      nameAt(text, tokens, j) &&
      !(tokens[j]!.kind === 'word' && BETWEEN.has(tokens[j]!.lower) && !tokens[j]!.cap)
    )
      break;
    if (!BETWEEN.has(lowerAt(ctx, j))) return undefined;
    j++;
  }
  const spans: Span[] = [];
  let n = nameAt(text, tokens, j);
  while (n) {
    spans.push({ type: 'name', first: n.first, last: n.last, value: n.value });
    let k = n.end;
    if (tokens[k]?.text === ',') k++;
    if (lowerAt(ctx, k) === 'and' || lowerAt(ctx, k) === 'or') k++;
    if (k === n.end) break;
    const next = nameAt(text, tokens, k);
    if (!next) break;
    n = next;
  }
  if (spans.length === 0) return undefined;
  return { end: spans[spans.length - 1]!.last + 1, spans };
}
