// Development aid: why one question got its answer (analysis, focus, the top checks with their features).
import { readFileSync } from 'node:fs';
import { loadKnowledge as loadIndex } from '../src/core/index.js';
import { answer } from '../src/core/answer/answer.js';
import { analyseQuestion } from '../src/core/answer/question.js';
import { entityFacts } from '../src/core/answer/entities.js';
import { confidenceOf } from '../src/core/answer/confidence.js';

const [kb, file, ...ids] = process.argv.slice(2);
const r = await loadIndex(kb!);
if (!r.ok) throw new Error('load');
const index = r.value.index;
const facts = entityFacts(index);
console.log('main subject', facts.mainSubject, [...facts.subjects].sort((a, b) => b[1] - a[1]).slice(0, 8));
const lines = readFileSync(file!, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
for (const id of ids) {
  const q = lines.find((l) => l.id === id) ?? { q: id };
  console.log(
    '\n###',
    id,
    q.q,
    JSON.stringify(
      analyseQuestion(q.q).parts.map((p) => ({
        k: p.kind,
        acc: p.accepts,
        t: p.terms,
        neg: p.negated,
        yn: p.yesNo,
      })),
    ),
  );
  const a = answer(index, q.q, {
    onCheck: () => {},
  });
  // Re-run with a hook that sees every ranked check is not exposed; print the answer and the best checks per part.
  console.log('  =>', a.text.slice(0, 200));
  answer(index, q.q, {
    onCheck: (k, best) =>
      best &&
      console.log(
        `  part ${k} best: i=${best.i} p=${confidenceOf(best).toFixed(2)} cov=${best.coverage.toFixed(2)} ev=${best.event.toFixed(2)} typed=${best.typed} focus=${best.focus} miss=${best.missing.toFixed(2)} neg=${best.negation} vals=${best.values} :: ${index.kb.passages[best.i]!.text.slice(0, 150)}`,
      ),
  });
}
