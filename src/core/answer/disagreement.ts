import type { SearchIndex } from '../search/build-index.js';
import { confidenceOf, type ConfidenceModel } from './confidence.js';
import { TUNING } from './tuning.js';
import type { Check } from './verify.js';

type Unit = 'day' | 'month' | 'year';

/** An ISO date, month or year value ("2017-04" is a month) as a count of its own unit. */
function dateOf(value: string): { readonly y: number; readonly m?: number; readonly d?: number } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return undefined;
  return { y: Number(m[1]), ...(m[2] ? { m: Number(m[2]) } : {}), ...(m[3] ? { d: Number(m[3]) } : {}) };
}

function apart(
  a: NonNullable<ReturnType<typeof dateOf>>,
  b: NonNullable<ReturnType<typeof dateOf>>,
): [Unit, number] {
  if (a.m === undefined || b.m === undefined) return ['year', Math.abs(a.y - b.y)];
  if (a.d === undefined || b.d === undefined) return ['month', Math.abs(a.y * 12 + a.m - (b.y * 12 + b.m))];
  return ['day', Math.abs(Date.UTC(a.y, a.m - 1, a.d) - Date.UTC(b.y, b.m - 1, b.d)) / 86_400_000];
}

/**
 * Whether two typed values could be two reports of one fact: of one type, different, and for dates
 * near each other at the coarser of their precisions (`TUNING.disagreementGap`): "21 April" against
 * "22 April" is a disagreement, "22 April" against "30 November" is another event.
 */
export function conflicting(a: string, b: string): boolean {
  const [ta, va = ''] = a.split(/:(.*)/s);
  const [tb, vb = ''] = b.split(/:(.*)/s);
  if (ta !== tb) return false;
  if (ta !== 'date') return true;
  const da = dateOf(va);
  const db = dateOf(vb);
  if (!da || !db) return true;
  const [unit, gap] = apart(da, db);
  return gap <= TUNING.disagreementGap[unit];
}

/** The sentence that reports a different value of the asked type, from another document, nearly as well. */
export function disagreeing(
  index: SearchIndex,
  result: { readonly ranked: readonly Check[]; readonly best?: { readonly check: Check } },
  model: ConfidenceModel,
): Check | undefined {
  const best = result.best?.check;
  if (!best || best.values.length === 0) return undefined;
  const docOf = (i: number): string => index.passage(i).documentId;
  // "April 2017" and "22 April 2017" agree: a value that refines another is not a different report.
  const agrees = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);
  return result.ranked.find(
    (c) =>
      c.i !== best.i &&
      docOf(c.i) !== docOf(best.i) &&
      c.typed &&
      c.focus > 0 &&
      c.values.length > 0 &&
      // Each sentence answers with its value nearest the event ("Moscow has always maintained the
      // arrest…" answers with Moscow, not with a place it also names); those two must conflict, and
      // neither sentence may also give the other's answer.
      !c.values.some((v) => agrees(v, best.values[0]!)) &&
      !best.values.some((w) => agrees(c.values[0]!, w)) &&
      conflicting(c.values[0]!, best.values[0]!) &&
      // Both must state the asked event, and give their value right by it: "held in Seattle" does not
      // contradict "arrested in the Maldives". With no event asked ("where is he from?", "how old is
      // he?") only values set right by the name count: "Dorokhov, 36," against "Dorokhov, 37,", not
      // "Seleznev is held in Seattle" against "Seleznev faces charges in Nevada".
      (best.eventAsked ||
        (c.near >= TUNING.disagreementNearWithoutEvent &&
          best.near >= TUNING.disagreementNearWithoutEvent)) &&
      c.event >= 0.999 &&
      best.event >= 0.999 &&
      c.near >= TUNING.disagreementNear &&
      best.near >= TUNING.disagreementNear &&
      // Nearly as well by the fitted model: how much of the question's wording a report repeats
      // (`TUNING.quotedRun`) says nothing of which report is right.
      c.score - TUNING.quotedRun * c.quoted >=
        best.score - TUNING.quotedRun * best.quoted - TUNING.disagreementMargin &&
      confidenceOf(c, model) >= model.threshold,
  );
}
