import type { Token } from './tokens.js';

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
/** Scale words after a number ("1.7 million", "$5bn"). */
export const SCALES: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  mn: 1e6,
  mln: 1e6,
  bn: 1e9,
  m: 1e6,
  k: 1e3,
};
// Short scales only count when glued to a number or a currency amount: "5 m" is usually metres.
const WORD_SCALES = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion']);

/** Numbers past this are not amounts anyone asks about; digit strings longer than that are identifiers. */
const MAX_VALUE = 1e15;

export interface NumberMatch {
  readonly value: number;
  /** Index of the first token after the number. */
  readonly end: number;
  /** Written with digits (not number words). */
  readonly digits: boolean;
}

export const isNumberWord = (lower: string): boolean => lower in UNITS || lower in TENS || lower === 'dozen';

function digitValue(t: Token): number | undefined {
  const d = t.digits ?? '';
  if (d.length > 16) return undefined;
  const v = Number(d);
  return Number.isFinite(v) ? v : undefined;
}

/** Cleans float noise (1.7 * 1e6) and caps magnitude. */
function tidy(v: number): number | undefined {
  if (!Number.isFinite(v) || v > MAX_VALUE) return undefined;
  return Number(v.toPrecision(12));
}

/** Plain decimal string, never in exponent form. */
export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return v.toFixed(0);
  return String(Number(v.toPrecision(12)));
}

/**
 * A number starting at token `i`: digits ("1,700,000", "1.7", "5m") or number words ("twenty-six",
 * "two hundred", "a dozen"), with a following scale word ("1.7 million"). Bounded look-ahead per token.
 */
export function readNumber(tokens: readonly Token[], i: number): NumberMatch | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.kind === 'num') {
    const base = digitValue(t);
    if (base === undefined) return undefined;
    const suffix = t.suffix ?? '';
    if (suffix !== '') {
      const scale = SCALES[suffix];
      if (scale === undefined) return undefined;
      const v = tidy(base * scale);
      return v === undefined ? undefined : { value: v, end: i + 1, digits: true };
    }
    const next = tokens[i + 1];
    if (next?.kind === 'word' && WORD_SCALES.has(next.lower)) {
      const v = tidy(base * SCALES[next.lower]!);
      return v === undefined ? undefined : { value: v, end: i + 2, digits: true };
    }
    return { value: base, end: i + 1, digits: true };
  }
  return readNumberWords(tokens, i);
}

function readNumberWords(tokens: readonly Token[], i: number): NumberMatch | undefined {
  let total = 0;
  let current = 0;
  let any = false;
  let j = i;
  // "a hundred", "a million", "a dozen"
  if (tokens[j]?.lower === 'a' || tokens[j]?.lower === 'an') {
    const next = tokens[j + 1]?.lower ?? '';
    if (!(next === 'dozen' || WORD_SCALES.has(next))) return undefined;
    current = 1;
    j++;
  }
  for (;;) {
    const t = tokens[j];
    if (!t || t.kind !== 'word') break;
    const w = t.lower;
    if (w in UNITS) {
      if (any && current % 10 !== 0 && current % 100 !== 0 && current !== 0) break;
      current += UNITS[w]!;
    } else if (w in TENS) {
      if (any && current % 100 !== 0) break;
      current += TENS[w]!;
      // "twenty-six"
      if (
        tokens[j + 1]?.text === '-' &&
        tokens[j + 2] &&
        tokens[j + 2]!.lower in UNITS &&
        !tokens[j + 2]!.gap
      ) {
        current += UNITS[tokens[j + 2]!.lower]!;
        j += 2;
      }
    } else if (w === 'dozen') {
      current = (current || 1) * 12;
    } else if (w === 'hundred') {
      if (!any && current === 0) break;
      current = (current || 1) * 100;
    } else if (w === 'thousand' || w === 'million' || w === 'billion' || w === 'trillion') {
      if (!any && current === 0) break;
      total += (current || 1) * SCALES[w]!;
      current = 0;
    } else if (
      w === 'and' &&
      any &&
      tokens[j + 1] &&
      (tokens[j + 1]!.lower in UNITS || tokens[j + 1]!.lower in TENS)
    ) {
      // "two hundred and six"
      if (current % 100 !== 0 && total === 0) break;
    } else break;
    any = true;
    j++;
  }
  if (!any) return undefined;
  const v = tidy(total + current);
  return v === undefined ? undefined : { value: v, end: j, digits: false };
}
