/**
 * Abbreviations that end in a period but almost never end a sentence (lower-case, without the period).
 * Multi-letter dotted forms (U.S., e.g., i.e.) are caught by a pattern instead of being listed.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set(
  `mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep pres rev hon messrs mme
  jan feb mar apr jun jul aug sep sept oct nov dec no nos vol vols fig figs approx est dept univ assn bros
  vs etc al cf ca inc ltd co corp op ed eds trans pp`
    .split(/\s+/)
    .filter(Boolean),
);

// Words that commonly end a sentence even though they are in the list above.
const SENTENCE_FINAL = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'al']);

export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Splits a paragraph into sentence spans (offsets into `text`, trimmed of surrounding white space).
 * A boundary is `.`, `!` or `?` (plus closing quotes or brackets) followed by white space and a capital,
 * digit or opening quote, unless the period belongs to an abbreviation, an initial or a dotted acronym.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const boundary = /([.!?]+)(["'\u201D\u2019)\]]*)(\s+)(?=["'\u201C\u2018(\[]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    const end = m.index + m[1]!.length + m[2]!.length;
    if (m[1] === '.' && !m[2] && isAbbreviation(text, m.index, m.index + m[0].length)) continue;
    pushTrimmed(spans, text, start, end);
    start = end;
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

function isAbbreviation(text: string, dot: number, next: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 20), dot))?.[1] ?? '';
  const word = before.toLowerCase();
  if (/^(?:\p{L}\.)+\p{L}$/u.test(before)) return true; // U.S, e.g, Ph.D
  if (/^\p{Lu}$/u.test(before)) return true; // an initial: J. R. R. Tolkien
  if (!ABBREVIATIONS.has(word)) return false;
  if (!SENTENCE_FINAL.has(word)) return true;
  // "etc." before a capitalised common word is usually the end of a sentence; before a name, not.
  return /^\p{Lu}\p{Ll}*\s+\p{Lu}/u.test(text.slice(next));
}

function pushTrimmed(spans: SentenceSpan[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ start: s, end: e });
}
