import {
  AMBIGUOUS_MONTHS,
  MONTHS,
  WEEKDAYS,
  formatDay,
  formatMonth,
  formatYear,
  isValidDay,
  nearestYear,
  resolveMonth,
  resolveWeekday,
  shiftDay,
  type DocDate,
} from './calendar.js';
import { isIdentifierNumber, lowerAt, type Found, type TagContext } from './context.js';

/** Words before a bare month or a three-digit year that say it is a time ("in March", "since 911"). */
const TIME_CUES = new Set([
  'in',
  'since',
  'until',
  'till',
  'by',
  'from',
  'during',
  'early',
  'late',
  'mid',
  'before',
  'after',
  'between',
  'and',
  'to',
  'of',
  'through',
  'around',
  'circa',
  'c',
  'throughout',
  'in-',
  'mid-',
]);
const ORDINAL_SUFFIXES = new Set(['', 'st', 'nd', 'rd', 'th']);
const FUTURE_CUES = new Set(['for', 'until', 'till', 'by']);
const MODES = new Set(['last', 'this', 'next', 'past', 'coming']);
const MIN_YEAR = 1000;
const MAX_YEAR = 2199;

type Mode = 'bare' | 'last' | 'next' | 'this';

const modeOf = (word: string): Mode =>
  word === 'last' || word === 'past' ? 'last' : word === 'next' || word === 'coming' ? 'next' : 'this';

interface Dated {
  readonly end: number;
  readonly value: string;
}

/** A month name at token i (capitalised; a bare "May" or "Mar" only before a day or year). */
function monthAt(ctx: TagContext, i: number): { month: number; end: number } | undefined {
  const t = ctx.tokens[i];
  if (!t || t.kind !== 'word' || !t.cap) return undefined;
  const month = MONTHS.get(t.lower);
  if (month === undefined) return undefined;
  const dotted = t.text.length <= 4 && ctx.tokens[i + 1]?.text === '.' && !ctx.tokens[i + 1]!.gap;
  const end = dotted ? i + 2 : i + 1;
  if (AMBIGUOUS_MONTHS.has(t.lower) && !dotted && ctx.tokens[end]?.kind !== 'num') return undefined;
  return { month, end };
}

function dayAt(ctx: TagContext, i: number): number | undefined {
  const t = ctx.tokens[i];
  if (!t || t.kind !== 'num' || !ORDINAL_SUFFIXES.has(t.suffix ?? '') || (t.digits ?? '').length > 2)
    return undefined;
  const d = Number(t.digits);
  return d >= 1 && d <= 31 ? d : undefined;
}

function yearAt(ctx: TagContext, i: number): number | undefined {
  const t = ctx.tokens[i];
  if (!t || t.kind !== 'num' || t.suffix !== '' || !/^\d{4}$/.test(t.text)) return undefined;
  const y = Number(t.digits);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : undefined;
}

/** A month and day without a year, placed by the document's date (or left yearless: "--07-05"). */
function monthDay(doc: DocDate | undefined, month: number, day: number): string | undefined {
  if (!doc)
    return day <= 31 ? `--${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : undefined;
  const y = nearestYear(doc, month, day);
  return isValidDay(y, month, day) ? formatDay(y, month, day) : undefined;
}

/** "July 5", "July 5, 2014", "July 2014", "March of 2011", and a cued bare month ("in March"). */
function monthFirst(ctx: TagContext, i: number): Dated | undefined {
  const m = monthAt(ctx, i);
  if (!m) return undefined;
  const day = dayAt(ctx, m.end);
  if (day !== undefined) {
    const comma = ctx.tokens[m.end + 1]?.text === ',' ? 1 : 0;
    const year = yearAt(ctx, m.end + 1 + comma);
    if (year !== undefined && isValidDay(year, m.month, day)) {
      return { end: m.end + 2 + comma, value: formatDay(year, m.month, day) };
    }
    const value = monthDay(ctx.doc, m.month, day);
    return value === undefined ? undefined : { end: m.end + 1, value };
  }
  const of = lowerAt(ctx, m.end) === 'of' ? 1 : 0;
  const year = yearAt(ctx, m.end + of);
  if (year !== undefined) return { end: m.end + of + 1, value: formatMonth(year, m.month) };
  if (ctx.doc && TIME_CUES.has(lowerAt(ctx, i - 1))) {
    return { end: m.end, value: resolveMonth(ctx.doc, m.month, 'bare') };
  }
  return undefined;
}

/** "5 July 2014", "1st of August", "5 July". */
function dayFirst(ctx: TagContext, i: number): Dated | undefined {
  const day = dayAt(ctx, i);
  if (day === undefined) return undefined;
  const of = lowerAt(ctx, i + 1) === 'of' ? 1 : 0;
  const m = monthAt(ctx, i + 1 + of);
  if (!m) return undefined;
  const comma = ctx.tokens[m.end]?.text === ',' ? 1 : 0;
  const year = yearAt(ctx, m.end + comma);
  if (year !== undefined && isValidDay(year, m.month, day))
    return { end: m.end + comma + 1, value: formatDay(year, m.month, day) };
  const value = monthDay(ctx.doc, m.month, day);
  return value === undefined ? undefined : { end: m.end, value };
}

/** "2014-07-05" and "7/5/2014" (month first, as in the US reports these bots mostly read). */
function numeric(ctx: TagContext, i: number): Dated | undefined {
  const t = ctx.tokens;
  const sep = t[i + 1]?.text;
  if ((sep !== '-' && sep !== '/') || t[i + 3]?.text !== sep) return undefined;
  if ([1, 2, 3, 4].some((k) => t[i + k]?.gap)) return undefined;
  const [a, b, c] = [t[i], t[i + 2], t[i + 4]].map((x) =>
    x?.kind === 'num' && x.suffix === '' ? (x.digits ?? '') : '',
  );
  if (!a || !b || !c) return undefined;
  let y: number, m: number, d: number;
  if (sep === '-' && a.length === 4 && b.length <= 2 && c.length <= 2)
    [y, m, d] = [Number(a), Number(b), Number(c)];
  else if (sep === '/' && c.length === 4 && a.length <= 2 && b.length <= 2)
    [y, m, d] = [Number(c), Number(a), Number(b)];
  else return undefined;
  return y >= MIN_YEAR && y <= MAX_YEAR && isValidDay(y, m, d)
    ? { end: i + 5, value: formatDay(y, m, d) }
    : undefined;
}

/** A year on its own: four digits, or three after a time word ("in 911"), never an identifier ("No. 1984"). */
function bareYear(ctx: TagContext, i: number): Dated | undefined {
  const t = ctx.tokens[i];
  if (!t || t.kind !== 'num' || t.suffix !== '' || isIdentifierNumber(ctx, i)) return undefined;
  const prev = ctx.tokens[i - 1];
  if (prev && (prev.text === '$' || prev.text === '€' || prev.text === '£')) return undefined;
  const next = ctx.tokens[i + 1];
  if (next && (next.text === '%' || next.lower === 'percent')) return undefined;
  const digits = t.text;
  if (/^\d{4}$/.test(digits)) {
    const y = Number(digits);
    if (y < MIN_YEAR || y > MAX_YEAR) return undefined;
    // "2000 people" is a count; "in 2000 people ..." is rare enough to lose.
    if (
      next?.kind === 'word' &&
      !next.cap &&
      next.lower.endsWith('s') &&
      !TIME_CUES.has(prev?.lower ?? '') &&
      !isYearNoun(next.lower)
    ) {
      return undefined;
    }
    return { end: i + 1, value: formatYear(y) };
  }
  if (
    /^\d{3}$/.test(digits) &&
    TIME_CUES.has(prev?.lower ?? '') &&
    (!next || next.kind === 'punct' || /^(ad|bc|bce|ce)$/.test(next.lower))
  ) {
    if (next && /^(bc|bce)$/.test(next.lower)) return undefined;
    return { end: i + 1, value: formatYear(Number(digits)) };
  }
  return undefined;
}

// Plural nouns that follow a year as a modifier ("the 2016 elections") rather than being counted by it.
const isYearNoun = (w: string): boolean =>
  /^(elections|olympics|games|talks|protests|riots|attacks|breaches|hacks|indictments|charges|sanctions|accords|negotiations|hearings|midterms|primaries|floods|reforms|rules|figures|results|levels|prices)$/.test(
    w,
  );

/** "today", "yesterday", "last Thursday", "on Monday", "earlier this month", "last August", "next year". */
function relative(ctx: TagContext, i: number): Dated | undefined {
  const doc = ctx.doc;
  const w = lowerAt(ctx, i);
  if (w === 'earlier' || w === 'later') {
    const inner = MODES.has(lowerAt(ctx, i + 1)) ? relative(ctx, i + 1) : undefined;
    return inner && /^(month|year|week)$/.test(lowerAt(ctx, i + 2)) ? inner : undefined;
  }
  if (!doc) return undefined;
  const hasDay = doc.month !== undefined && doc.day !== undefined;
  if (w === 'today' || w === 'yesterday' || w === 'tomorrow') {
    if (!hasDay) return undefined;
    const offset = w === 'today' ? 0 : w === 'yesterday' ? -1 : 1;
    return { end: i + 1, value: shiftDay(doc.year, doc.month, doc.day, offset) };
  }
  if (MODES.has(w)) {
    const mode = modeOf(w);
    const next = ctx.tokens[i + 1];
    if (!next || next.kind !== 'word') return undefined;
    const weekday = next.cap ? WEEKDAYS.get(next.lower) : undefined;
    if (weekday !== undefined) {
      const value = resolveWeekday(doc, weekday, mode);
      return value === undefined ? undefined : { end: i + 2, value };
    }
    const month = next.cap ? MONTHS.get(next.lower) : undefined;
    if (month !== undefined && !AMBIGUOUS_MONTHS.has(next.lower))
      return { end: i + 2, value: resolveMonth(doc, month, mode) };
    const step = mode === 'last' ? -1 : mode === 'next' ? 1 : 0;
    if (next.lower === 'year') return { end: i + 2, value: formatYear(doc.year + step) };
    if (next.lower === 'month' && doc.month !== undefined) {
      const k = doc.year * 12 + (doc.month - 1) + step;
      return { end: i + 2, value: formatMonth(Math.floor(k / 12), (k % 12) + 1) };
    }
    return undefined;
  }
  const t = ctx.tokens[i];
  const weekday = t?.cap ? WEEKDAYS.get(w.replace(/['’]s$/, '')) : undefined;
  if (weekday !== undefined) {
    // "a hearing for Friday", "until Monday": ahead of the report, not behind it.
    const ahead = FUTURE_CUES.has(lowerAt(ctx, i - 1));
    const value = resolveWeekday(doc, weekday, ahead ? 'next' : 'bare');
    return value === undefined ? undefined : { end: i + 1, value };
  }
  return undefined;
}

/**
 * A date starting at token i. A weekday before an explicit date ("Saturday, July 5") takes the explicit
 * date; a year range ("2009-2013", "2009–13") gives both years.
 */
export function readDate(ctx: TagContext, i: number): Found | undefined {
  const t = ctx.tokens[i];
  if (!t) return undefined;
  if (t.kind === 'word' && t.cap && WEEKDAYS.has(t.lower)) {
    const comma = ctx.tokens[i + 1]?.text === ',' ? 1 : 0;
    const explicit = monthFirst(ctx, i + 1 + comma) ?? dayFirst(ctx, i + 1 + comma);
    if (explicit)
      return {
        end: explicit.end,
        spans: [{ type: 'date', first: i, last: explicit.end - 1, value: explicit.value }],
      };
  }
  const one =
    (t.kind === 'word' ? (monthFirst(ctx, i) ?? relative(ctx, i)) : undefined) ??
    (t.kind === 'num' ? (numeric(ctx, i) ?? dayFirst(ctx, i) ?? bareYear(ctx, i)) : undefined);
  if (!one) return undefined;
  const spans = [{ type: 'date' as const, first: i, last: one.end - 1, value: one.value }];
  // Year ranges: "2009-13" → 2013.
  const dash = ctx.tokens[one.end];
  const tail = ctx.tokens[one.end + 1];
  if (
    /^\d{4}$/.test(one.value) &&
    dash &&
    (dash.text === '-' || dash.text === '–') &&
    !dash.gap &&
    tail?.kind === 'num' &&
    !tail.gap &&
    tail.suffix === ''
  ) {
    const d = tail.digits ?? '';
    const y = d.length === 2 ? Number(one.value.slice(0, 2) + d) : d.length === 4 ? Number(d) : NaN;
    if (y > Number(one.value) && y <= MAX_YEAR) {
      spans.push({ type: 'date', first: one.end + 1, last: one.end + 1, value: formatYear(y) });
      return { end: one.end + 2, spans };
    }
  }
  return { end: one.end, spans };
}
