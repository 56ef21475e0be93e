import { escapeDiscord } from './escape.js';

const ELLIPSIS = '…';

/**
 * Shortens plain text to at most `max` characters, cutting at a word boundary and adding "…".
 * Cutting only at white space keeps `[n]` markers and URLs whole: neither contains a space.
 * A single ordinary word longer than half the budget is cut mid-word; a URL or marker never is.
 */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const room = max - ELLIPSIS.length;
  const head = text.slice(0, room + 1);
  const space = head.search(/\s\S*$/);
  const word = text.slice(space + 1).split(/\s/, 1)[0] ?? '';
  const keepWhole = space > max / 2 || UNCUTTABLE.test(word);
  const cut = keepWhole ? head.slice(0, Math.max(0, space)) : head.slice(0, room);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** Words that mean nothing when cut: links, `[n]` markers, Discord mentions and timestamps. */
const UNCUTTABLE = /:\/\/|^\[\d+\]|^</;

/**
 * Escapes (escapeDiscord), then fits the result in `max` characters. Shortening happens *before*
 * escaping, so a cut can never split an escape sequence or leave a formatting mark open.
 */
export function escapeAndShorten(text: string, max: number): string {
  let budget = max;
  for (;;) {
    const escaped = escapeDiscord(shortenAtWord(text, budget));
    if (escaped.length <= max || budget <= 1) return escaped.slice(0, max);
    budget -= Math.max(1, escaped.length - max);
  }
}
