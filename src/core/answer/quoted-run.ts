import type { Word } from '../text/words.js';

/**
 * A question's words as numbers, for `quotedRun`: a word whose term is one of the question's concepts
 * is that concept's number (so a stem, a correction or another form of the asked word matches it); any
 * other word (a stop word such as "the" or "until", or a term of no concept) is numbered after the
 * concepts, by its text.
 */
export interface AskedRun {
  readonly keys: Int32Array;
  /** The question's other words, by their text (lower case), and the number each has in `keys`. */
  readonly others: ReadonlyMap<string, number>;
  /** Their lengths, so a sentence's word of another length is not even lower-cased. */
  readonly lengths: ReadonlySet<number>;
}

const OTHER = 1 << 20;

export function askedRun(
  text: string,
  words: readonly Word[],
  conceptOf: ReadonlyMap<string, number>,
): AskedRun {
  const others = new Map<string, number>();
  const lengths = new Set<number>();
  const keys = Int32Array.from(words, (w) => {
    const c = w.term === undefined ? undefined : conceptOf.get(w.term);
    if (c !== undefined) return c;
    const word = w.term ?? text.slice(w.start, w.end).toLowerCase();
    if (!others.has(word)) others.set(word, OTHER + others.size);
    lengths.add(word.length);
    if (w.term !== undefined) lengths.add(w.end - w.start);
    return others.get(word)!;
  });
  return { keys, others, lengths };
}

/**
 * How much of the question the sentence holds as one run of words, in the question's order, stop words
 * included: 1 when it holds the whole question as written ("used by engineers, mechanics" for "what
 * used by engineers mechanics?"), 0 when no two neighbouring words of the question stand side by side
 * in it. Squared, so a short shared run (a two-word name) counts little and a quoted clause much.
 */
export function quotedRun(
  asked: AskedRun,
  text: string,
  words: readonly Word[],
  conceptOf: ReadonlyMap<string, number>,
): number {
  const n = asked.keys.length;
  if (n < 2) return 0;
  const keys = new Int32Array(words.length);
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    const c = word.term === undefined ? undefined : conceptOf.get(word.term);
    if (c !== undefined) keys[w] = c;
    else if (asked.others.size === 0) keys[w] = -1;
    else if (word.term !== undefined) keys[w] = asked.others.get(word.term) ?? -1;
    else if (!asked.lengths.has(word.end - word.start)) keys[w] = -1;
    else keys[w] = asked.others.get(text.slice(word.start, word.end).toLowerCase()) ?? -1;
  }
  // Longest common run of words, one row of the dynamic programme at a time.
  let longest = 0;
  let row = new Uint16Array(words.length + 1);
  let next = new Uint16Array(words.length + 1);
  for (let a = 0; a < n; a++) {
    const key = asked.keys[a]!;
    for (let w = 0; w < words.length; w++) {
      const run = keys[w] === key ? row[w]! + 1 : 0;
      next[w + 1] = run;
      if (run > longest) longest = run;
    }
    [row, next] = [next, row];
  }
  const share = Math.max(0, longest - 1) / (n - 1);
  return share * share;
}
