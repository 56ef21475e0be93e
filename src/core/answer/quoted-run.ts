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
 * Working arrays reused by every call, grown as needed: allocating four per candidate sentence made
 * garbage enough to show in the slowest answers. Answering is synchronous, so they are never shared.
 */
let scratch = {
  keys: new Int32Array(256),
  reach: new Int32Array(256),
  row: new Uint16Array(256),
  next: new Uint16Array(256),
};

function scratchOf(length: number): typeof scratch {
  if (scratch.keys.length < length) {
    const size = Math.max(length, 2 * scratch.keys.length);
    scratch = {
      keys: new Int32Array(size),
      reach: new Int32Array(size),
      row: new Uint16Array(size),
      next: new Uint16Array(size),
    };
  }
  return scratch;
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
  // The question's concepts first (one lookup per term, as the ranking's proximity does); a
  // sentence holding none holds no run worth crediting.
  const { keys, reach, row: row0, next: next0 } = scratchOf(words.length + 1);
  keys.fill(-1, 0, words.length);
  let matched = 0;
  for (let w = 0; w < words.length; w++) {
    const term = words[w]!.term;
    const c = term === undefined ? undefined : conceptOf.get(term);
    if (c !== undefined) {
      keys[w] = c;
      matched++;
    }
  }
  if (matched === 0) return 0;
  // Its other words only within a question's length of a concept: a run of "of the" far from every
  // asked word is no quotation, and a long page is not lower-cased word by word.
  if (asked.others.size > 0) {
    for (let w = 0, last = -n; w < words.length; w++) {
      if (keys[w]! >= 0) last = w;
      reach[w] = w - last;
    }
    for (let w = words.length - 1, last = words.length + n; w >= 0; w--) {
      if (keys[w]! >= 0) last = w;
      else if (Math.min(reach[w]!, last - w) < n) {
        const word = words[w]!;
        if (word.term !== undefined) keys[w] = asked.others.get(word.term) ?? -1;
        else if (asked.lengths.has(word.end - word.start))
          keys[w] = asked.others.get(text.slice(word.start, word.end).toLowerCase()) ?? -1;
      }
    }
  }
  // Longest common run of words, one row of the dynamic programme at a time.
  let longest = 0;
  let row = row0.fill(0, 0, words.length + 1);
  let next = next0;
  next[0] = 0;
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
