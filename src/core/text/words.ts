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
    const raw = m[0];
    let lower = raw.toLowerCase();
    if (lower.includes('’')) lower = lower.replaceAll('’', "'");
    if (NON_ASCII.test(lower)) lower = lower.normalize('NFKD').replace(/\p{M}+/gu, '');
    const negation = NEGATIONS.has(lower) || lower.endsWith("n't");
    let bare = lower.endsWith("'s") ? lower.slice(0, -2) : lower;
    if (bare.includes('-')) bare = bare.replaceAll('-', '');
    const first = raw.charCodeAt(0);
    out.push({
      start: m.index,
      end: m.index + raw.length,
      term: negation ? undefined : termOf(bare),
      // An ASCII capital is read from its code; only other scripts need the Unicode property.
      capital: first < 128 ? first >= 65 && first <= 90 : /^\p{Lu}/u.test(raw),
      negation,
    });
  }
  return out;
}
