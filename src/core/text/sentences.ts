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

const TERMINATORS = /[.!?]/g;
const isTerminator = (c: string | undefined): boolean => c === '.' || c === '!' || c === '?';
const CLOSERS = new Set(['"', "'", '\u201D', '\u2019', ')', ']']);
const OPENERS = new Set(['"', "'", '\u201C', '\u2018', '(', '[']);
const STARTER = /[\p{Lu}\p{N}]/u;
const SPACE = /\s/;

/**
 * Splits a paragraph into sentence spans (offsets into `text`, trimmed of surrounding white space).
 * A boundary is `.`, `!` or `?` (plus closing quotes or brackets) followed by white space and a capital,
 * digit or opening quote, unless the period belongs to an abbreviation, an initial or a dotted acronym.
 * A news dateline ("MADRID, October 3. /TASS/.") stays with the sentence it introduces.
 *
 * One left-to-right pass, each character looked at a bounded number of times: a run of 20,000 "?!" or
 * dots costs what any 20,000 characters cost (a backtracking pattern made it quadratic).
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const n = text.length;
  TERMINATORS.lastIndex = 0;
  for (let m = TERMINATORS.exec(text); m !== null; m = TERMINATORS.exec(text)) {
    const runStart = m.index;
    let i = runStart;
    while (i < n && isTerminator(text[i])) i++;
    const runEnd = i;
    while (i < n && CLOSERS.has(text[i]!)) i++;
    const end = i;
    TERMINATORS.lastIndex = i;
    if (i >= n || !SPACE.test(text[i]!)) continue;
    while (i < n && SPACE.test(text[i]!)) i++;
    TERMINATORS.lastIndex = i;
    const first = OPENERS.has(text[i] ?? '') ? text[i + 1] : text[i];
    if (first === undefined || !STARTER.test(first)) continue;
    const singleDot = runEnd - runStart === 1 && text[runStart] === '.' && end === runEnd;
    if (singleDot && isAbbreviation(text, runStart, i)) continue;
    pushTrimmed(spans, text, start, end);
    start = end;
  }
  pushTrimmed(spans, text, start, n);
  return attachDateline(spans, text);
}

// The words a dateline may hold besides its capitalised place and agency names.
const DATELINE_WORD =
  /^(?:\p{Lu}[\p{L}.'’&-]*|\d[\d,.]*(?:st|nd|rd|th)?|of|de|la|le|el|al|am|an|der|du|y|and)$/u;
const DATELINE_MAX_CHARS = 80;

/**
 * A paragraph that opens with a dateline ("MADRID, October 3. /TASS/.", "WASHINGTON (Reuters) -") must not
 * lose it as a sentence of its own: the date in it is what dates the report. A dateline is a short first
 * span that starts with a word in capitals and holds no lower-case word, only names, dates and numbers.
 */
function attachDateline(spans: SentenceSpan[], text: string): SentenceSpan[] {
  if (spans.length < 2) return spans;
  const first = spans[0]!;
  if (first.end - first.start > DATELINE_MAX_CHARS) return spans;
  const words = text.slice(first.start, first.end).match(/[\p{L}\p{N}][\p{L}\p{N}.,'’&-]*/gu) ?? [];
  const clean = words.map((w) => w.replace(/[.,]+$/, ''));
  if (!/^\p{Lu}{2,}/u.test(clean[0] ?? '')) return spans;
  if (!clean.every((w) => DATELINE_WORD.test(w))) return spans;
  return [{ start: first.start, end: spans[1]!.end }, ...spans.slice(2)];
}

const WORD_BEFORE = /[\p{L}.]{1,20}$/u;
const CAPITALISED_PAIR = /\p{Lu}\p{Ll}*\s+\p{Lu}/uy;

function isAbbreviation(text: string, dot: number, next: number): boolean {
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, dot - 20), dot))?.[0] ?? '';
  const word = before.toLowerCase();
  if (/^(?:\p{L}\.)+\p{L}$/u.test(before)) return true; // U.S, e.g, Ph.D
  if (/^\p{Lu}$/u.test(before)) return true; // an initial: J. R. R. Tolkien
  if (!ABBREVIATIONS.has(word)) return false;
  if (!SENTENCE_FINAL.has(word)) return true;
  // "etc." before a capitalised common word is usually the end of a sentence; before a name, not.
  // A sticky pattern reads from `next` without copying the rest of the paragraph.
  CAPITALISED_PAIR.lastIndex = next;
  return CAPITALISED_PAIR.test(text);
}

function pushTrimmed(spans: SentenceSpan[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ start: s, end: e });
}
