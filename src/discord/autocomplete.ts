import {
  answer,
  pacer,
  suggestedQuestions as answeredSuggestions,
  suggestionCandidates,
  type SearchIndex,
  type SuggestionOptions,
} from '../core/index.js';
import { AUTOCOMPLETE_CHOICE_MAX, AUTOCOMPLETE_CHOICES_MAX } from './limits.js';

export interface Choice {
  readonly name: string;
  readonly value: string;
}

/**
 * What the bot asks its knowledge service to work out with each load (on the reload worker): a
 * suggestion becomes a choice's value, so it must fit in one.
 */
export const SUGGESTIONS: SuggestionOptions = { maxCandidates: 300, maxLength: AUTOCOMPLETE_CHOICE_MAX };

// Templated questions are checked against the index once per index, not once per keystroke.
const cache = new WeakMap<SearchIndex, readonly string[]>();
/** Main-thread slices when the suggestions were not worked out with the load. */
const SLICE_MS = 5;

/**
 * Questions a newcomer could ask, made from document titles, headings and tags, keeping only those
 * the knowledge base actually answers (see the core's `suggestedQuestions`). Cached per index, so a
 * reload refreshes them.
 */
export function suggestedQuestions(index: SearchIndex): readonly string[] {
  let questions = cache.get(index);
  if (!questions) {
    questions = suggestionCandidates(index, SUGGESTIONS).filter((q) => answer(index, q).answered);
    cache.set(index, questions);
  }
  return questions;
}

/**
 * Makes the suggestions of `index` ready before autocomplete needs them: `ready` when the load worked
 * them out (`KnowledgeService` with `suggest: SUGGESTIONS`), else worked out here in short slices, so
 * the bot keeps answering meanwhile.
 */
export async function prepareSuggestedQuestions(
  index: SearchIndex,
  ready?: readonly string[],
): Promise<readonly string[]> {
  const known = cache.get(index) ?? ready;
  if (known) {
    cache.set(index, known);
    return known;
  }
  const questions = await answeredSuggestions(index, SUGGESTIONS, pacer(SLICE_MS, 1));
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
