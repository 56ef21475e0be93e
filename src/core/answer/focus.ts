import type { SearchIndex } from '../search/search-index.js';
import { termsOf } from '../text/terms.js';
import type { EntityFacts } from './entities.js';
import type { TermSet } from './kinds.js';
import type { PartQuery } from './part-query.js';

/** Who the sentence is about, relative to the question's focus. */
export function focusOf(
  index: SearchIndex,
  i: number,
  q: PartQuery,
  own: ReadonlySet<string>,
  around: ReadonlySet<string>,
  facts: EntityFacts,
): number {
  const { focusForms } = q;
  if (focusForms.size === 0) return 1;
  type Has = (term: string) => boolean;
  const holds = (has: Has, k: number): boolean => [...q.concepts[k]!.forms.keys()].some(has);
  const named = (has: Has): boolean => q.focus.every((g) => g.some((k) => holds(has, k)));
  const direct = q.focus.length > 0 ? named((t) => own.has(t)) : own.has(q.implicitFocus!);
  if (direct) return 1;
  if (namesSomeoneElse(index, i, own, focusForms, q.questionTerms, facts)) return -1;
  // Each name may be found in either: "Civil rights leader Du Bois" in a list under a Harvard title.
  const inContext =
    q.focus.length > 0 ? named((t) => own.has(t) || around.has(t)) : around.has(q.implicitFocus!);
  if (inContext) return 0.6;
  // A sentence of a report about the focus that names no one else is about the focus: "He was
  // detained…", "Prosecutors had asked for a 30-year sentence."
  const passage = index.passage(i);
  const subject = facts.documentSubject.get(passage.documentId);
  if (subject !== undefined && focusForms.has(subject)) return 0.6;
  // "he" with no name in the question: the main subject, unless the sentence names someone else.
  return q.focus.length > 0 ? 0 : 0.6;
}

/**
 * Whether the sentence names another person the case file is about (a look-alike defendant), and not
 * the focus. With tags, only people count: "Secret Service agents" do not make a sentence about someone
 * else; without tags, any name that opens sentences of the knowledge base does.
 */
function namesSomeoneElse(
  index: SearchIndex,
  i: number,
  own: ReadonlySet<string>,
  focusForms: ReadonlySet<string>,
  questionTerms: TermSet,
  facts: EntityFacts,
): boolean {
  const rival = (t: string): boolean =>
    !focusForms.has(t) && !questionTerms.has(t) && (facts.subjects.get(t) ?? 0) >= 2;
  const tags = index.mentions(i);
  if (!tags) return [...own].some(rival);
  const text = index.passage(i).text;
  return tags.some((m) => m.type === 'person' && termsOf(text.slice(m.start, m.end)).some(rival));
}
