import { termOf } from './terms.js';

/** One word of a sentence, where it is and the index term it stands for. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly term: string | undefined;
  readonly capital: boolean;
  readonly negation: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const NEGATIONS = new Set(['not', 'never', 'no', 'nor', 'without']);
const NON_ASCII = /[^\x00-\x7F]/;

/**
 * The words of a sentence with their terms, in one pass. Cheaper than `termsOf` on each word: no phrase
 * folding (that matters for whole texts, not for telling which word is where), accents dropped only when
 * a word has any.
 */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    let lower = m[0].toLowerCase().replace(/’/g, "'");
    if (NON_ASCII.test(lower)) lower = lower.normalize('NFKD').replace(/\p{M}+/gu, '');
    const negation = NEGATIONS.has(lower) || lower.endsWith("n't");
    const bare = lower.replace(/'s$/, '').replace(/-/g, '');
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      term: negation ? undefined : termOf(bare),
      capital: /^\p{Lu}/u.test(m[0]),
      negation,
    });
  }
  return out;
}
