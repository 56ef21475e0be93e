import stem from 'wink-porter2-stemmer';
import { LEMMAS } from './lemmas.js';
import { TEXT_LIMITS } from './limits.js';
import { foldText, splitWords } from './normalize.js';
import { STOP_WORDS } from './stop-words.js';

// Term extraction dominates indexing time; a corpus repeats its words, so each distinct word is done once.
const stemCache = new Map<string, string>();

const STOP = '';

/** The index term of one folded word, or undefined for stop words and noise. */
export function termOf(word: string): string | undefined {
  let term = stemCache.get(word);
  if (term === undefined) {
    term = computeTerm(word) ?? STOP;
    if (stemCache.size < 500_000) stemCache.set(word, term);
  }
  return term === STOP ? undefined : term;
}

function computeTerm(word: string): string | undefined {
  // "don't", "isn't": negations say nothing about what a passage is about, like "not".
  if (/n't$/.test(word)) return undefined;
  const bare = word.replace(/'s$|'$/, '').replace(/'/g, '');
  if (bare.length < 2 && !/\d/.test(bare)) return undefined;
  if (STOP_WORDS.has(bare)) return undefined;
  const lemma = LEMMAS.get(bare) ?? bare;
  // Past the cap the word is its own term: stemming it would cost the square of its length.
  if (lemma.length > TEXT_LIMITS.maxStemmedWordChars) return lemma;
  return /^[\p{L}]+$/u.test(lemma) ? stem(lemma) : lemma;
}

/**
 * The index terms of a piece of text, in order. A hyphenated word yields its joined form ("e-mail" →
 * "email") and its parts, so either spelling finds the other.
 */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const word of splitWords(foldText(text))) {
    if (word.includes('-')) {
      const joined = termOf(word.replace(/-/g, ''));
      if (joined) out.push(joined);
      for (const part of word.split('-')) {
        const term = termOf(part);
        if (term && term !== joined) out.push(term);
      }
    } else {
      const term = termOf(word);
      if (term) out.push(term);
    }
  }
  return out;
}

const LONG_WORD = new RegExp(`[\\p{L}'\\-]{${TEXT_LIMITS.maxStemmedWordChars + 1},}`, 'gu');

/**
 * Runs of letters, hyphens and apostrophes too long to be stemmed (TEXT_LIMITS), for load warnings.
 * Such a run lies inside one space-separated token, so only tokens that long are read with the pattern
 * (run over every character, a bounded repeat like {65,} costs 65 steps per character).
 */
export function unstemmedWords(text: string): Array<{ index: number; length: number }> {
  const out: Array<{ index: number; length: number }> = [];
  const cap = TEXT_LIMITS.maxStemmedWordChars;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    if (end - start > cap) {
      for (const m of text.slice(start, end).matchAll(LONG_WORD)) {
        out.push({ index: start + m.index, length: m[0].length });
      }
    }
    start = end + 1;
  }
  return out;
}
