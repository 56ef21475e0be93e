import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../../core/index.js';

const NAIVE_STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'or',
  'to',
  'in',
  'is',
  'was',
  'what',
  'who',
  'when',
  'where',
  'how',
  'why',
  'which',
  'did',
  'does',
  'do',
]);

/**
 * The baseline we measure against: each sentence a MiniSearch document, lower case and a small stop list,
 * `fuzzy: 0.2, prefix: true`, the top hit as the answer.
 */
export function buildNaiveBot(kb: KnowledgeBase): (question: string) => string | undefined {
  const mini = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    storeFields: ['text'],
    processTerm: (term) => {
      const t = term.toLowerCase();
      return NAIVE_STOP.has(t) ? null : t;
    },
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  mini.addAll(kb.passages.map((p, id) => ({ id, text: p.text })));
  return (question) => mini.search(question)[0]?.text as string | undefined;
}
