import { answer, type SearchIndex } from '../core/index.js';
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

/** The autocomplete choices for what the user has typed so far: ≤ 25, each ≤ 100 characters. */
export function autocompleteChoices(index: SearchIndex, typed: string): Choice[] {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = suggestedQuestions(index).filter((q) => {
    const lower = q.toLowerCase();
    return words.every((w) => lower.includes(w));
  });
  return matching.slice(0, AUTOCOMPLETE_CHOICES_MAX).map((q) => ({ name: q, value: q }));
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
