/** Calendar arithmetic on plain UTC dates, for resolving "last Thursday" against a document's date. */

export interface DocDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];
/** Month by lower-case name or abbreviation (1-based). */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((names, k) => names.map((n) => [n, k + 1] as const)),
);
/** Abbreviations that are also ordinary words, accepted only when written with a dot or before a day. */
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set([
  'mar',
  'may',
  'jun',
  'jan',
  'dec',
  'sep',
  'oct',
  'nov',
]);

/** Weekday by lower-case name, 0 = Sunday as in Date#getUTCDay. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((d, k) => [d, k]),
);

/** Parses a front-matter date (YYYY, YYYY-MM or YYYY-MM-DD, possibly followed by a time). */
export function parseDocDate(date: string | undefined): DocDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date?.trim() ?? '');
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return { year };
  if (day !== undefined && (day < 1 || day > 31)) return month === undefined ? { year } : { year, month };
  return { year, ...(month === undefined ? {} : { month }), ...(day === undefined ? {} : { day }) };
}

const pad = (n: number): string => String(n).padStart(2, '0');
export const formatDay = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
export const formatMonth = (y: number, m: number): string => `${String(y).padStart(4, '0')}-${pad(m)}`;
export const formatYear = (y: number): string => String(y).padStart(4, '0');

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export const isValidDay = (y: number, m: number, d: number): boolean =>
  m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

/** The day `offset` days from y-m-d, formatted. */
export function shiftDay(y: number, m: number, d: number, offset: number): string {
  const t = new Date(Date.UTC(y, m - 1, d + offset));
  return formatDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Days from the document's date to y-m-d (missing parts of the document date taken as mid-period). */
function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** A yearless month and day placed in the year that puts it nearest the document's date. */
export function nearestYear(doc: DocDate, month: number, day: number): number {
  const ref = dayNumber(doc.year, doc.month ?? 7, doc.day ?? 1);
  let best = doc.year;
  let bestDistance = Infinity;
  for (const y of [doc.year - 1, doc.year, doc.year + 1]) {
    const distance = Math.abs(dayNumber(y, month, Math.min(day, daysInMonth(y, month))) - ref);
    if (distance < bestDistance) {
      best = y;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * A weekday named in a report, resolved against its date: "on Monday" and "last Monday" mean the most
 * recent one (the report's own day counts for a bare name, not for "last"); "next Monday" the coming one.
 */
export function resolveWeekday(
  doc: DocDate,
  weekday: number,
  mode: 'bare' | 'last' | 'next' | 'this',
): string | undefined {
  if (doc.month === undefined || doc.day === undefined) return undefined;
  const today = new Date(Date.UTC(doc.year, doc.month - 1, doc.day)).getUTCDay();
  if (mode === 'next') {
    const ahead = (weekday - today + 7) % 7 || 7;
    return shiftDay(doc.year, doc.month, doc.day, ahead);
  }
  let back = (today - weekday + 7) % 7;
  if (mode === 'last' && back === 0) back = 7;
  return shiftDay(doc.year, doc.month, doc.day, -back);
}

/** A month named without a year: "last August" is strictly before the report's month, "next" strictly after. */
export function resolveMonth(doc: DocDate, month: number, mode: 'bare' | 'last' | 'next' | 'this'): string {
  if (doc.month === undefined || mode === 'this') return formatMonth(doc.year, month);
  if (mode === 'last') return formatMonth(month < doc.month ? doc.year : doc.year - 1, month);
  if (mode === 'next') return formatMonth(month > doc.month ? doc.year : doc.year + 1, month);
  return formatMonth(nearestYear(doc, month, 15), month);
}
