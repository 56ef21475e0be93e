import lunr from 'lunr';
import MiniSearch, { type SearchResult } from 'minisearch';
import { eng as ENGLISH_STOP_WORDS } from 'stopword';
import stem from 'wink-porter2-stemmer';
import { answer, buildIndex, type KnowledgeBase } from '../src/core/index.js';
import { retrieveCandidates } from '../src/core/answer/candidates.js';
import { bindQuery } from '../src/core/answer/bound-query.js';
import { readQuestion } from '../src/core/answer/query.js';

/** The engines every corpus is measured with, each built in its own process from the same sentences. */
export const ENGINES = ['casefile', 'naive', 'minisearch-or', 'minisearch-and-or', 'lunr'] as const;
export type EngineName = (typeof ENGINES)[number];

export const ENGINE_LABEL: Readonly<Record<EngineName, string>> = {
  casefile: 'Casefile',
  naive: 'naive bot (MiniSearch fuzzy+prefix)',
  'minisearch-or': 'MiniSearch stemmed BM25, OR',
  'minisearch-and-or': 'MiniSearch stemmed BM25, AND then OR',
  lunr: 'lunr 2.3.9',
};

/**
 * How many sentences of an answer count as shown, for every engine: a baseline shows its top two, as many
 * as Casefile cites for a one-part question, and Casefile's own are counted up to two as well, so no
 * engine is credited for showing more.
 */
export const SHOWN = 2;
/** How deep the first stage's recall is checked: Casefile hands this many candidates to its reranker. */
export const FIRST_STAGE_DEPTH = 40;

/** What a user sees after asking. */
export interface Shown {
  /** Passage numbers shown, best first. */
  readonly passages: readonly number[];
  /**
   * Whether they are offered as the answer. Casefile abstains when no sentence passes its checks and
   * then lists the closest passages instead, saying they do not answer it; a baseline always offers its
   * top results.
   */
  readonly answered: boolean;
}

export interface Engine {
  /** What the user is shown (the timed call). */
  answer(question: string): Shown;
  /** The first stage's candidates, best first, at most FIRST_STAGE_DEPTH (not timed). */
  firstStage(question: string): readonly number[];
}

function casefile(kb: KnowledgeBase): Engine {
  const index = buildIndex(kb);
  const number = new Map(kb.passages.map((p, i) => [p.id, i]));
  return {
    answer(q) {
      const a = answer(index, q);
      // The bot and the CLI show the closest passages in place of sources when it abstains.
      const shown = a.answered ? a.citations : a.related;
      return { passages: shown.map((c) => number.get(c.passageId)!), answered: a.answered };
    },
    firstStage(q) {
      const read = readQuestion(q);
      if (!read.ok) return [];
      const bound = bindQuery(index, read.value, { parts: true, implicitSubject: true });
      return retrieveCandidates(index, bound.concepts, bound.conceptOf).map((c) => c.i);
    },
  };
}

const fromResults = (search: (q: string) => SearchResult[]): Engine => ({
  answer(q) {
    const passages = search(q)
      .slice(0, SHOWN)
      .map((r) => r.id as number);
    return { passages, answered: passages.length > 0 };
  },
  firstStage: (q) =>
    search(q)
      .slice(0, FIRST_STAGE_DEPTH)
      .map((r) => r.id as number),
});

const NAIVE_STOP = new Set(
  'the a an of and or to in is was what who when where how why which did does do'.split(' '),
);

/**
 * The bot a newcomer writes from MiniSearch's README: each sentence a document, lower case, a short stop
 * list, `fuzzy: 0.2, prefix: true`.
 */
function naive(kb: KnowledgeBase): Engine {
  const mini = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    processTerm: (term) => {
      const t = term.toLowerCase();
      return NAIVE_STOP.has(t) ? null : t;
    },
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  mini.addAll(kb.passages.map((p, id) => ({ id, text: p.text })));
  return fromResults((q) => mini.search(q));
}

const STOP = new Set(ENGLISH_STOP_WORDS.map((w) => w.toLowerCase()));

/**
 * MiniSearch as a competent user configures it: a published English stop list, Porter2 stems, BM25 (its
 * default), no fuzzy or prefix matching. `and-or` asks for every term first and falls back to any term.
 */
function wellConfigured(kb: KnowledgeBase, mode: 'or' | 'and-or'): Engine {
  const mini = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    processTerm: (term) => {
      const t = term.toLowerCase();
      return STOP.has(t) ? null : stem(t);
    },
  });
  mini.addAll(kb.passages.map((p, id) => ({ id, text: p.text })));
  if (mode === 'or') return fromResults((q) => mini.search(q));
  return fromResults((q) => {
    const all = mini.search(q, { combineWith: 'AND' });
    return all.length > 0 ? all : mini.search(q);
  });
}

/** lunr with its default English pipeline (trimmer, stop-word filter, Porter stemmer), queried term by term. */
function lunrEngine(kb: KnowledgeBase): Engine {
  const idx = lunr(function () {
    this.ref('id');
    this.field('text');
    kb.passages.forEach((p, id) => this.add({ id: String(id), text: p.text }));
  });
  const search = (q: string): SearchResult[] =>
    // Built as a query object: lunr's query-string syntax would read "-", ":" or "~" in a question.
    idx
      .query((query) => {
        for (const token of lunr.tokenizer(q)) query.term(token.toString(), {});
      })
      .map((r) => ({ id: Number(r.ref), score: r.score }) as SearchResult);
  return fromResults(search);
}

export function buildEngine(name: EngineName, kb: KnowledgeBase): Engine {
  switch (name) {
    case 'casefile':
      return casefile(kb);
    case 'naive':
      return naive(kb);
    case 'minisearch-or':
      return wellConfigured(kb, 'or');
    case 'minisearch-and-or':
      return wellConfigured(kb, 'and-or');
    case 'lunr':
      return lunrEngine(kb);
  }
}
