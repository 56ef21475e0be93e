import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledge } from '../src/core/knowledge/load-knowledge.js';
import { answer } from '../src/core/answer/answer.js';
import { analyseQuestion } from '../src/core/answer/question.js';
import { buildConcepts, formIndex } from '../src/core/answer/concepts.js';
import { retrieveCandidates } from '../src/core/answer/candidates.js';
const kb = '../shared/eval/case-dev/kb';
const dir = mkdtempSync(join(tmpdir(), 'cd-'));
const fresh = await loadKnowledge(kb);
await loadKnowledge(kb, { cacheDir: dir, cacheMinBytes: 0 });
const cached = await loadKnowledge(kb, { cacheDir: dir, cacheMinBytes: 0 });
if (!fresh.ok || !cached.ok) throw new Error();
const q = 'How much money did the card thefts cost?';
for (const idx of [fresh.value.index, cached.value.index]) {
  const a = analyseQuestion(q);
  const c = buildConcepts(a.terms, idx.vocab, a.typeTerms);
  const pool = retrieveCandidates(idx, c, formIndex(c));
  console.log(
    pool
      .slice(0, 6)
      .map((p) => `${p.i}:${p.score.toFixed(6)}`)
      .join(' '),
    pool.length,
  );
  answer(idx, q, {
    onRanked: (_, r) =>
      console.log(
        '  ',
        r
          .slice(0, 3)
          .map((x) => `${x.i}:${x.score.toFixed(4)}:${x.features.map((f) => f.toFixed(3)).join(',')}`)
          .join(' | '),
      ),
  });
}
