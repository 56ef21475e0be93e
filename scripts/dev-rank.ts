// Development aid: ranking quality alone. For one-part answerable questions: is the top verified
// sentence right (top1), and is any candidate right (recall of the pool)?
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge as loadIndex } from '../src/core/knowledge/load-knowledge.js';
import { answer } from '../src/core/answer/answer.js';
import { containsPhrase } from '../src/core/eval/metrics.js';
import { parseQuestionFile } from '../src/core/eval/question-file.js';
import type { Check } from '../src/core/answer/verify.js';
const root = '../shared/eval';
const sets = [
  { n: 'seed', kb: 'knowledge', q: join(root, 'seed-dev.jsonl') },
  { n: 'case', kb: join(root, 'case-dev/kb'), q: join(root, 'case-dev/questions.jsonl') },
  ...readdirSync(join(root, 'squad'))
    .sort()
    .map((a) => ({
      n: a.slice(0, 8),
      kb: join(root, 'squad', a, 'kb'),
      q: join(root, 'squad', a, 'questions.jsonl'),
    })),
];
const out: string[] = [];
for (const s of sets) {
  const r = await loadIndex(s.kb);
  if (!r.ok) throw new Error();
  let n = 0,
    top = 0,
    any = 0,
    passAny = 0;
  for (const q of parseQuestionFile(readFileSync(s.q, 'utf8'), s.q).questions) {
    if (q.impossible) continue;
    let ranked: readonly Check[] = [];
    let parts = 0;
    let chosen: Check | undefined;
    answer(r.value.index, q.q, {
      onRanked: (_, c) => {
        parts++;
        ranked = c;
      },
      onCheck: (_, b, passed) => {
        chosen = passed ? b : undefined;
      },
    });
    if (parts !== 1) continue;
    const right = (c: Check) =>
      q.expect.every((g) => g.some((x) => containsPhrase(r.value.index.kb.passages[c.i]!.text, x)));
    const passing = chosen ? [chosen] : [];
    n++;
    if (passing[0] && right(passing[0])) top++;
    if (ranked.some(right)) any++;
  }
  out.push(
    `${s.n}: top1 ${((100 * top) / n).toFixed(1)} passRecall ${((100 * passAny) / n).toFixed(1)} poolRecall ${((100 * any) / n).toFixed(1)} (n=${n})`,
  );
}
console.log(out.join('\n'));
