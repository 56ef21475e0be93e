import { termsOf } from '../text/terms.js';
import type { Concept } from './concepts.js';
import { holdsKind, type TermSet } from './kinds.js';
import type { QuestionPart } from './question.js';

/** Sentences shorter than this are quoted whole: trimming them saves little and loses context. */
const TRIM_ABOVE_CHARS = 160;
/** Strong clause boundaries: semicolons, dashes, a colon before a capital or quote. */
const CLAUSE_BOUNDARY = /;\s+|\s[—–]\s|:\s+(?=["“\p{Lu}])/gu;
/** Characters a clause does not end on (they are stripped from its end). */
const TRAILING = /[;:,\s—–]/u;
/**
 * Checking a clause for an answer of the asked kind reads the clause, so these checks may read at most
 * this many times the sentence's length in all: beyond it the best clause found so far is kept. Ordinary
 * sentences need two or three times; a list of 800 boundaries would otherwise cost the cube.
 */
const KIND_CHECK_BUDGET = 16;

/**
 * The shortest run of clauses of a long sentence that keeps everything the whole sentence had for this
 * question: every concept it mentions, the answers it was chosen for (`keep`) and, if it held one, an
 * answer of the asked kind. Marked with "…"
 * where text was left out. The citation still quotes the whole sentence.
 *
 * Linear in the sentence: each clause's concepts are found once, and a sliding window over the clauses
 * finds, for each first clause, the fewest clauses after it that keep every concept (the terms of a run
 * of clauses are the union of theirs). Only those windows are checked for the asked kind.
 */
export function trimToClauses(
  sentence: string,
  concepts: readonly Concept[],
  parts: readonly QuestionPart[],
  questionTerms: TermSet,
  /** Spans (character offsets) the trimmed text must keep whole: the answers the sentence was chosen for. */
  keep: readonly (readonly [number, number])[] = [],
): string {
  if (sentence.length <= TRIM_ABOVE_CHARS) return sentence;
  const cuts = [
    0,
    ...[...sentence.matchAll(CLAUSE_BOUNDARY)].map((m) => m.index + m[0].length),
    sentence.length + 1,
  ];
  if (cuts.length <= 2) return sentence;
  const clauses = cuts.length - 1;
  const has = (terms: ReadonlySet<string>): number[] =>
    concepts.flatMap((c, k) => ([...c.forms.keys()].some((f) => terms.has(f)) ? [k] : []));
  const inClause = Array.from({ length: clauses }, (_, i) =>
    has(new Set(termsOf(sentence.slice(cuts[i], Math.min(cuts[i + 1]!, sentence.length))))),
  );
  const needed = new Set(inClause.flat());
  const held = parts.filter((part) => holdsKind(sentence, part, questionTerms));

  // trimmedEnd[p]: where text ending at p ends once trailing separators are stripped.
  const trimmedEnd = new Int32Array(sentence.length + 1);
  for (let p = 1; p <= sentence.length; p++) {
    trimmedEnd[p] = TRAILING.test(sentence[p - 1]!) ? trimmedEnd[p - 1]! : p;
  }
  const clauseEnd = (a: number, b: number): number => {
    const raw = Math.min(cuts[b]!, sentence.length);
    return Math.max(cuts[a]!, trimmedEnd[raw]!);
  };

  let bestStart = 0;
  let bestEnd = sentence.length;
  let budget = KIND_CHECK_BUDGET * sentence.length;
  const count = new Int32Array(concepts.length);
  let missing = needed.size;
  const add = (i: number, d: number): void => {
    for (const k of inClause[i]!) {
      const before = count[k]!;
      count[k] = before + d;
      if (before === 0 && d > 0) missing--;
      if (before === 1 && d < 0) missing++;
    }
  };
  const keepFrom = Math.min(sentence.length, ...keep.map(([s]) => s));
  const keepTo = Math.max(0, ...keep.map(([, e]) => e));
  let b = 0; // clauses a..b-1 are in the window
  search: for (let a = 0; a < clauses; a++) {
    if (cuts[a]! > keepFrom) break;
    while ((missing > 0 || b <= a) && b < clauses) add(b++, 1);
    if (missing > 0) break;
    for (let end = b; end <= clauses; end++) {
      const stop = clauseEnd(a, end);
      if (stop - cuts[a]! >= bestEnd - bestStart) break;
      if (stop < keepTo) continue;
      if (held.length > 0) {
        budget -= (stop - cuts[a]!) * held.length;
        if (budget < 0) break search;
        const clause = sentence.slice(cuts[a], stop);
        if (!held.every((part) => holdsKind(clause, part, questionTerms))) continue;
      }
      bestStart = cuts[a]!;
      bestEnd = stop;
      break;
    }
    add(a, -1);
  }
  if (bestStart === 0 && bestEnd === sentence.length) return sentence;
  const best = sentence.slice(bestStart, bestEnd);
  return `${bestStart > 0 ? '… ' : ''}${best}${bestEnd < sentence.length - 1 ? ' …' : ''}`;
}
