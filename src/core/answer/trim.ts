import { termsOf } from '../text/terms.js';
import type { Concept } from './concepts.js';
import { holdsKind, type TermSet } from './kinds.js';
import type { QuestionPart } from './question.js';

/** Sentences shorter than this are quoted whole: trimming them saves little and loses context. */
const TRIM_ABOVE_CHARS = 160;
/** Strong clause boundaries: semicolons, dashes, a colon before a capital or quote. */
const CLAUSE_BOUNDARY = /;\s+|\s[—–]\s|:\s+(?=["“\p{Lu}])/gu;

/**
 * The shortest run of clauses of a long sentence that keeps everything the whole sentence had for this
 * question: every concept it mentions and, if it held one, an answer of the asked kind. Marked with "…"
 * where text was left out. The citation still quotes the whole sentence.
 */
export function trimToClauses(
  sentence: string,
  concepts: readonly Concept[],
  parts: readonly QuestionPart[],
  questionTerms: TermSet,
): string {
  if (sentence.length <= TRIM_ABOVE_CHARS) return sentence;
  const cuts = [
    0,
    ...[...sentence.matchAll(CLAUSE_BOUNDARY)].map((m) => m.index + m[0].length),
    sentence.length + 1,
  ];
  if (cuts.length <= 2) return sentence;
  const found = (text: string): string => {
    const terms = new Set(termsOf(text));
    return concepts.map((c) => ([...c.forms.keys()].some((f) => terms.has(f)) ? '1' : '0')).join('');
  };
  const whole = found(sentence);
  const held = parts.filter((part) => holdsKind(sentence, part, questionTerms));
  let best = sentence;
  for (let a = 0; a < cuts.length - 1; a++) {
    for (let b = a + 1; b < cuts.length; b++) {
      const clause = sentence
        .slice(cuts[a], cuts[b]! - (b === cuts.length - 1 ? 1 : 0))
        .replace(/[;:,\s—–]+$/u, '');
      if (clause.length >= best.length) continue;
      if (found(clause) === whole && held.every((part) => holdsKind(clause, part, questionTerms)))
        best = clause;
    }
  }
  if (best === sentence) return sentence;
  const start = sentence.indexOf(best);
  return `${start > 0 ? '… ' : ''}${best}${start + best.length < sentence.length - 1 ? ' …' : ''}`;
}
