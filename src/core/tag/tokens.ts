/**
 * A linear tokeniser for tagging: every character is looked at a bounded number of times, so no input
 * (50,000 digits, a sea of punctuation) can make tagging superlinear. Offsets point into the passage.
 */

export type TokenKind = 'word' | 'num' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Lower-cased text (for numbers: the digits without group commas, then any letter suffix). */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** First character is an upper-case letter. */
  readonly cap: boolean;
  /** Two or more letters, all upper case ("FBI", "MADRID"). */
  readonly allCaps: boolean;
  /** Whitespace (or the start of the text) precedes the token. */
  readonly gap: boolean;
  /** For numbers: the numeric part ("1.7", "1700000") and a letter suffix ("th", "m", "s"). */
  readonly digits?: string;
  readonly suffix?: string;
}

const isLetter = (c: string): boolean => c !== '' && /\p{L}/u.test(c);
const isLower = (c: string): boolean => c >= 'a' && c <= 'z';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';
const isApostrophe = (c: string): boolean => c === "'" || c === '\u2019';

function wordToken(text: string, start: number, gap: boolean): Token {
  const first = text[0] ?? '';
  const letters = text.replace(/[^\p{L}]/gu, '');
  return {
    kind: 'word',
    text,
    lower: text.toLowerCase(),
    start,
    end: start + text.length,
    cap: first !== first.toLowerCase(),
    allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
    gap,
  };
}

/** Splits text into words (letters, inner digits and apostrophes, dotted abbreviations), numbers and punctuation. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let gap = true;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (isSpace(c)) {
      gap = true;
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      i++;
      while (i < n) {
        const d = text[i]!;
        if (isDigit(d)) i++;
        else if ((d === ',' || d === '.') && isDigit(text[i + 1] ?? '')) i++;
        else break;
      }
      const numEnd = i;
      while (i < n && isLetter(text[i]!)) i++;
      const raw = text.slice(start, numEnd);
      const suffix = text.slice(numEnd, i).toLowerCase();
      const digits = raw.replace(/,/g, '');
      tokens.push({
        kind: 'num',
        text: text.slice(start, i),
        lower: digits + suffix,
        start,
        end: i,
        cap: false,
        allCaps: false,
        gap,
        digits,
        suffix,
      });
    } else if (isLetter(c)) {
      i++;
      while (i < n) {
        const d = text[i]!;
        if (isLetter(d) || isDigit(d)) i++;
        else if (isApostrophe(d) && isLetter(text[i + 1] ?? '')) i += 2;
        // Domain names ("Carder.su", "example.com"): a dot then a lower-case letter, never a sentence end.
        else if (d === '.' && isLower(text[i + 1] ?? '') && i - start > 1) i++;
        else break;
      }
      // Dotted abbreviations ("U.S.", "a.k.a."): single letters each followed by a dot.
      if (i - start === 1 && text[i] === '.' && isLetter(text[i + 1] ?? '') && text[i + 2] === '.') {
        while (text[i] === '.' && isLetter(text[i + 1] ?? '') && text[i + 2] === '.') i += 2;
        i++;
      }
      tokens.push(wordToken(text.slice(start, i), start, gap));
    } else {
      // One code point of punctuation or symbol (surrogate pairs kept whole).
      const cp = text.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      const t = text.slice(start, i);
      tokens.push({ kind: 'punct', text: t, lower: t, start, end: i, cap: false, allCaps: false, gap });
    }
    gap = false;
  }
  return tokens;
}
