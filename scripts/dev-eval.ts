// Development loop: every development set in one process, straight from the TypeScript sources.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge as loadIndex } from '../src/core/index.js';
import { answer } from '../src/core/answer/answer.js';
import { judge, computeMetrics } from '../src/core/eval/metrics.js';
import { parseQuestionFile } from '../src/core/eval/question-file.js';

const root = process.argv[2] ?? '../shared/eval';
const show = process.argv.includes('--fail');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const sets: { name: string; kb: string; q: string }[] = [
  { name: 'seed-dev', kb: 'knowledge', q: join(root, 'seed-dev.jsonl') },
];
if (existsSync(join(root, 'case-dev')))
  sets.push({ name: 'case-dev', kb: join(root, 'case-dev/kb'), q: join(root, 'case-dev/questions.jsonl') });
for (const a of readdirSync(join(root, 'squad')).sort())
  sets.push({ name: a, kb: join(root, 'squad', a, 'kb'), q: join(root, 'squad', a, 'questions.jsonl') });
const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
for (const s of sets) {
  if (only && !s.name.includes(only)) continue;
  const r = await loadIndex(s.kb);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const qs = parseQuestionFile(readFileSync(s.q, 'utf8'), s.q).questions;
  const outs = qs.map((q) => judge(q, answer(r.value.index, q.q)));
  const m = computeMetrics(outs);
  console.log(
    `${s.name.padEnd(16)} ans ${pct(m.answer_correct)} cit ${pct(m.cited_correct)} fa ${pct(m.false_abstain)} abst ${pct(m.abstain_correct)} chars ${m.mean_answer_chars.toFixed(0)}`,
  );
  if (show)
    for (const o of outs)
      if (!o.correct)
        console.log(
          `  ✗ ${o.question.id} ${o.question.q}\n      exp: ${o.question.impossible ? 'ABSTAIN' : o.question.expect.map((g) => g.join('|')).join(' & ')}\n      got: ${o.answer.text.slice(0, 300)}`,
        );
}
