import type { SearchIndex } from '../search/build-index.js';
import type { Citation } from '../types.js';
import { answer } from './answer.js';
import { citationOf } from './compose.js';
import type { Check } from './verify.js';

export interface MorePassagesOptions {
  /** Passage ids already shown (the answer's citations): the reader wants the next ones. */
  readonly skip?: ReadonlySet<string>;
  readonly limit?: number;
  /** The first marker number to use, so numbering continues after the answer's sources. */
  readonly firstN?: number;
}

/**
 * The next-best passages for a question after the ones already shown, ranked as the answerer ranks
 * them: what "More sources" lists. Only passages that share something with the question are returned.
 */
export function morePassages(
  index: SearchIndex,
  question: string,
  options: MorePassagesOptions = {},
): Citation[] {
  const { skip = new Set(), limit = 5, firstN = 1 } = options;
  // The answerer's own ranking of the first part's candidates, verified or not: the reader asked for more.
  let ranked: readonly Check[] = [];
  answer(index, question, {
    onRanked: (part, checks) => {
      if (part === 0) ranked = checks;
    },
  });
  const out: Citation[] = [];
  for (const scored of ranked) {
    if (out.length >= limit) break;
    if (scored.coverage <= 0 || skip.has(index.passage(scored.i).id)) continue;
    out.push(citationOf(index, scored.i, firstN + out.length));
  }
  return out;
}

/** The whole paragraph a passage (one sentence) stands in, for "Show the paragraph". */
export function paragraphOf(
  index: SearchIndex,
  passageId: string,
): { text: string; sentence: string } | undefined {
  const at = index.passageNumber(passageId);
  if (at === undefined) return undefined;
  let first = at;
  while (index.sameParagraph(at, first - 1)) first--;
  let last = at;
  while (index.sameParagraph(at, last + 1)) last++;
  const sentences: string[] = [];
  for (let k = first; k <= last; k++) sentences.push(index.passage(k).text);
  return { text: sentences.join(' '), sentence: index.passage(at).text };
}
