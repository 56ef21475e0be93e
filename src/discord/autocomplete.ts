import { answer, pacer, type SearchIndex } from '../core/index.js';
import { AUTOCOMPLETE_CHOICE_MAX, AUTOCOMPLETE_CHOICES_MAX } from './limits.js';

export interface Choice {
  readonly name: string;
  readonly value: string;
}

// Templated questions are checked against the index once per index, not once per keystroke.
const cache = new WeakMap<SearchIndex, readonly string[]>();
/** Bounds the one-off cost on a large knowledge base (each candidate is one `answer()` call, ~1–10 ms). */
const MAX_CANDIDATES = 300;

/**
 * Questions a newcomer could ask, made from document titles, headings and tags, keeping only those
 * the knowledge base actually answers. Computed lazily and cached per index, so a reload refreshes them.
 */
export function suggestedQuestions(index: SearchIndex): readonly string[] {
  let questions = cache.get(index);
  if (!questions) {
    questions = candidates(index)
      .slice(0, MAX_CANDIDATES)
      .filter((q) => answer(index, q).answered);
    cache.set(index, questions);
  }
  return questions;
}

/**
 * The same questions, worked out in short slices so a reload does not stall the bot for the second or
 * two that a few hundred `answer()` calls take on a large knowledge base; later calls reuse them.
 */
export async function prepareSuggestedQuestions(index: SearchIndex): Promise<readonly string[]> {
  const known = cache.get(index);
  if (known) return known;
  const pace = pacer(20, 1);
  const questions: string[] = [];
  for (const q of candidates(index).slice(0, MAX_CANDIDATES)) {
    if (answer(index, q).answered) questions.push(q);
    if (pace.due()) await pace.pause();
  }
  cache.set(index, questions);
  return questions;
}

/**
 * The autocomplete choices for what the user has typed so far: ≤ 25, each ≤ 100 characters. The
 * member's own text comes first whenever it fits in a choice, so pressing Enter asks what they wrote,
 * never a template they did not choose.
 */
export function autocompleteChoices(index: SearchIndex, typed: string): Choice[] {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = suggestedQuestions(index).filter((q) => {
    const lower = q.toLowerCase();
    return words.every((w) => lower.includes(w));
  });
  const own = typed.replace(/\s+/g, ' ').trim();
  const first = own !== '' && own.length <= AUTOCOMPLETE_CHOICE_MAX ? [own] : [];
  const rest = matching.filter((q) => q !== own);
  return [...first, ...rest].slice(0, AUTOCOMPLETE_CHOICES_MAX).map((q) => ({ name: q, value: q }));
}

/**
 * Questions the documents do answer that come closest to a question they did not: the suggestions
 * an abstention offers. Ranked by shared words; the first few suggestions when nothing is shared.
 */
export function suggestionsFor(index: SearchIndex, question: string, count = 3): string[] {
  const words = new Set(question.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
  const all = suggestedQuestions(index);
  const scored = all
    .map((q, order) => ({
      q,
      order,
      shared: (q.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => words.has(w)).length,
    }))
    .filter((s) => s.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.order - b.order);
  const picked = scored.slice(0, count).map((s) => s.q);
  return picked.length > 0 ? picked : all.slice(0, count);
}

function candidates(index: SearchIndex): string[] {
  const out = new Set<string>();
  for (const doc of index.kb.documents) out.add(`What is "${doc.title}" about?`);
  for (const p of index.kb.passages) {
    if (p.heading) out.add(`What about ${p.heading}?`);
  }
  for (const doc of index.kb.documents) for (const tag of doc.tags) out.add(`Tell me about ${tag}`);
  // Too long to be a choice: dropped rather than cut, since the choice's value becomes the question.
  return [...out].filter((q) => q.length <= AUTOCOMPLETE_CHOICE_MAX);
}
