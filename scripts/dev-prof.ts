import { loadKnowledge } from '../src/core/knowledge/load-knowledge.js';
import { answer } from '../src/core/answer/answer.js';
import { analyseQuestion } from '../src/core/answer/question.js';
import { buildConcepts, formIndex } from '../src/core/answer/concepts.js';
import { retrieveCandidates } from '../src/core/answer/candidates.js';
const r = await loadKnowledge(process.argv[2]!, { cacheDir: '/tmp/profcache' } as never);
if (!r.ok) throw new Error('load');
const index = r.value.index;
answer(index, 'Who was president during the Civil War?');
const qs = [
  'When did the war with Mexico end?',
  'How many soldiers were sent to Korea?',
  'Who was the Secretary of the Treasury in 1865?',
  'What did Congress do about the tariff?',
];
for (const q of qs) {
  let t = performance.now();
  const a = analyseQuestion(q);
  const c = buildConcepts(a.terms, index.vocab, a.typeTerms);
  const t1 = performance.now() - t;
  t = performance.now();
  const pool = retrieveCandidates(index, c, formIndex(c));
  const t2 = performance.now() - t;
  t = performance.now();
  let n = 0;
  answer(index, q, {
    onRanked: (_, rk) => {
      n += rk.length;
    },
  });
  const t3 = performance.now() - t;
  console.log(
    q,
    'analyse',
    t1.toFixed(1),
    'retrieve',
    t2.toFixed(1),
    'pool',
    pool.length,
    'answer',
    t3.toFixed(1),
    'checked',
    n,
  );
}
