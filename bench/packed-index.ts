/**
 * What packing the index costs or saves at question time, in one process so the machine's load weighs
 * on both sides alike: the same index data searched through the packed arrays every index now holds,
 * and through the radix tree MiniSearch itself builds from the same passages (what a built index held
 * before `2fd7952`). Prints, as medians of alternated rounds:
 *
 * - walking the postings of every term of the questions: the packed reader (`packedPostings`) against
 *   MiniSearch's Map interface, a [passage, frequency] pair per posting (what the first stage read
 *   before `5e811fd`);
 * - `answer()` over every question, p50 and p99, on the packed index and on the tree-backed one.
 *
 *   node --import tsx bench/packed-index.ts --kb DIR --questions FILE [--rounds 5]
 *
 * The question files are those `npm run bench` writes (`.cache/bench/questions/NAME.json`).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { answer, buildIndex, loadKnowledgeBase, type SearchIndex } from '../src/core/index.js';
import { miniSearchOptions, type IndexedPassage } from '../src/core/search/build-index.js';
import { packedPostings } from '../src/core/search/mini-parts.js';
import { indexData, searchIndexOf } from '../src/core/search/search-index.js';
import { termsOf } from '../src/core/text/terms.js';
import { median, quantile } from './stats.js';

const { values } = parseArgs({
  options: {
    kb: { type: 'string' },
    questions: { type: 'string' },
    rounds: { type: 'string', default: '5' },
  },
});
if (!values.kb || !values.questions)
  throw new Error('usage: packed-index --kb DIR --questions FILE [--rounds N]');
const rounds = Math.max(1, Number(values.rounds) || 5);
const questions = (JSON.parse(await readFile(values.questions, 'utf8')) as { question: string }[]).map(
  (q) => q.question,
);
const loaded = await loadKnowledgeBase(values.kb);
if (!loaded.ok) throw new Error(`${values.kb}: cannot load`);

const packed = buildIndex(loaded.value);
const data = indexData(packed);
const tree = new MiniSearch<IndexedPassage>(miniSearchOptions);
tree.addAll(data.passageTerms.map((terms, i) => ({ i, text: terms.join(' ') })));
const treeBacked = searchIndexOf({ ...data, mini: tree });

// Postings walks: every distinct term of the questions, read both ways.
const terms = [...new Set(questions.flatMap((q) => termsOf(q)))];
const readPacked = packedPostings(data.mini, 'text');
if (!readPacked) throw new Error('the built index is not packed');
const fieldId = (tree as unknown as { _fieldIds: Record<string, number> })._fieldIds.text!;
const treeIndex = (tree as unknown as { _index: Map<string, Map<number, Map<number, number>>> })._index;
let sink = 0;
const visit = (passage: number, tf: number): void => void (sink += passage + tf);
const walks = {
  packed: (term: string) => readPacked(term, visit),
  tree: (term: string) => {
    for (const [passage, tf] of treeIndex.get(term)?.get(fieldId) ?? []) visit(passage, tf);
  },
};
const timeWalk = (walk: (term: string) => void): number => {
  const started = performance.now();
  for (const term of terms) walk(term);
  return performance.now() - started;
};
const timeAnswers = (index: SearchIndex): number[] =>
  questions.map((q) => {
    const started = performance.now();
    answer(index, q);
    return performance.now() - started;
  });

// One untimed round each, so neither side is measured before the JIT has seen it.
timeWalk(walks.packed);
timeWalk(walks.tree);
timeAnswers(packed);
timeAnswers(treeBacked);
const walked = { packed: [] as number[], tree: [] as number[] };
const answered = { packed: [] as number[][], tree: [] as number[][] };
for (let r = 0; r < rounds; r++) {
  walked.tree.push(timeWalk(walks.tree));
  walked.packed.push(timeWalk(walks.packed));
  answered.tree.push(timeAnswers(treeBacked));
  answered.packed.push(timeAnswers(packed));
}
let postings = 0;
for (const term of terms) {
  readPacked(term, () => {
    postings++;
  });
}
const ms = (x: number): string => x.toFixed(2);
console.log(
  `${values.kb}: ${packed.passageCount} passages, ${questions.length} questions, ${terms.length} distinct ` +
    `question terms with ${postings} postings; medians of ${rounds} alternated rounds (checksum ${sink % 997})`,
);
console.log(`postings walk ms: packed ${ms(median(walked.packed))}, tree ${ms(median(walked.tree))}`);
for (const side of ['packed', 'tree'] as const) {
  const p50 = median(answered[side].map((round) => quantile(round, 0.5)));
  const p99 = median(answered[side].map((round) => quantile(round, 0.99)));
  console.log(`answer() ${side}: p50 ${ms(p50)} ms, p99 ${ms(p99)} ms`);
}
