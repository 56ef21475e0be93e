import { answer } from '../answer/answer.js';
import { UNPACED, type Pacer } from '../pace.js';
import type { SearchIndex } from '../search/build-index.js';

/** Which questions to offer: how many templates to try at most, and how long one may be. */
export interface SuggestionOptions {
  /** Each candidate costs one `answer()` (1–10 ms on a large base): this bounds the whole. */
  readonly maxCandidates: number;
  /** Longer ones are dropped rather than cut: an adapter asks the question exactly as offered. */
  readonly maxLength: number;
}

/**
 * Questions a newcomer could ask, made from document titles, headings and tags, keeping only those
 * the knowledge base actually answers. A reload works them out where it built the index (a worker
 * thread), because the few hundred `answer()` calls are seconds of work that would otherwise follow
 * every reload on the thread answering members.
 */
export async function suggestedQuestions(
  index: SearchIndex,
  options: SuggestionOptions,
  pace: Pacer = UNPACED,
): Promise<string[]> {
  const questions: string[] = [];
  for (const q of suggestionCandidates(index, options)) {
    if (answer(index, q).answered) questions.push(q);
    if (pace.due()) await pace.pause();
  }
  return questions;
}

/** The templates tried, in order: titles, then headings, then tags. */
export function suggestionCandidates(index: SearchIndex, options: SuggestionOptions): string[] {
  const out = new Set<string>();
  for (const doc of index.documents()) out.add(`What is "${doc.title}" about?`);
  for (let i = 0; i < index.passageCount; i++) {
    const { heading } = index.passage(i);
    if (heading) out.add(`What about ${heading}?`);
  }
  for (const doc of index.documents()) for (const tag of doc.tags) out.add(`Tell me about ${tag}`);
  return [...out].filter((q) => q.length <= options.maxLength).slice(0, options.maxCandidates);
}
