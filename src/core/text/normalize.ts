import { dropInvisible } from './invisible.js';

/**
 * Text normalisation shared by indexing and questions, so both sides meet on the same terms.
 * Surface text (what users read) is never changed; only the terms derived from it.
 */

const QUOTES: ReadonlyArray<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
];

/**
 * Spellings of one place or body that people use interchangeably; folded into one term on both sides so
 * "US", "U.S." and "United States" find each other without the synonym machinery.
 */
const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\bu\.\s?s\.(?:\s?a\.)?(?=\W|$)/gi, ' usa '],
  [/\bunited states(?: of america)?\b/gi, ' usa '],
  [/\b(?:US|USA)\b/g, ' usa '],
  [/\b(?<!(?:north|south|latin|central|middle)\s)america\b/gi, ' usa '],
  [/\bu\.\s?k\.(?=\W|$)/gi, ' uk '],
  [/\bunited kingdom\b/gi, ' uk '],
  [/\bUK\b/g, ' uk '],
];

// Cheap pre-checks: most sentences are plain ASCII and name no country, so most passes can be skipped.
const NON_ASCII = /[^\x00-\x7F]/;
const PHRASE_HINT = /u\.|united|US|america|UK/i;

/** Case-folded, accent-free text with typographic variants unified. */
export function foldText(text: string): string {
  let out = text;
  if (NON_ASCII.test(out)) {
    // A zero-width or BiDi character inside a word would split it or keep it from matching.
    out = dropInvisible(out)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '');
    for (const [pattern, replacement] of QUOTES) out = out.replace(pattern, replacement);
  }
  if (PHRASE_HINT.test(out)) {
    for (const [pattern, replacement] of PHRASES) out = out.replace(pattern, replacement);
  }
  return out
    .replace(/\b((?:[a-z]\.){2,})/gi, (m) => m.replace(/\./g, ''))
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .toLowerCase();
}

/** Words of folded text: letters/digits joined by inner hyphens, apostrophes or decimal points. */
export function splitWords(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}]+(?:['\-.][\p{L}\p{N}]+)*/gu) ?? [];
}
