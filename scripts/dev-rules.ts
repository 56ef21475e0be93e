// Development aid: what a hard rule on the best sentence's features would cost (right answers lost) and
// gain (unanswerable questions declined), per set.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge as loadIndex } from '../src/core/knowledge/load-knowledge.js';
import { answer } from '../src/core/answer/answer.js';
import { judge } from '../src/core/eval/metrics.js';
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
const rules: Record<string, (c: Check) => boolean> = {
  'event<0.5': (c) => c.event < 0.5,
  'event<0.7': (c) => c.event < 0.7,
  'event<1': (c) => c.event < 0.999,
  'missing>0.2': (c) => c.missing > 0.2,
  'missing>0.3': (c) => c.missing > 0.3,
  'missing>0.4': (c) => c.missing > 0.4,
  'coverage<0.5': (c) => c.coverage < 0.5,
  'coverage<0.6': (c) => c.coverage < 0.6,
  'focus<0.6': (c) => c.focus < 0.6,
  '!typed': (c) => !c.typed,
  negation: (c) => c.negation,
};
for (const s of sets) {
  const r = await loadIndex(s.kb);
  if (!r.ok) throw new Error();
  const rows: { imp: boolean; right: boolean; c: Check }[] = [];
  for (const q of parseQuestionFile(readFileSync(s.q, 'utf8'), s.q).questions) {
    let best: Check | undefined;
    const a = answer(r.value.index, q.q, {
      model: { bias: 0, weights: [], threshold: 0 },
      onCheck: (k, b, passed) => {
        if (k === 0 && passed) best = b;
      },
    });
    if (!best) continue;
    rows.push({ imp: !!q.impossible, right: judge(q, a).correct, c: best });
  }
  const nA = rows.filter((x) => !x.imp).length,
    nI = rows.filter((x) => x.imp).length;
  const out = Object.entries(rules).map(([name, f]) => {
    const lost = rows.filter((x) => !x.imp && x.right && f(x.c)).length;
    const gained = rows.filter((x) => x.imp && f(x.c)).length;
    const wrongDropped = rows.filter((x) => !x.imp && !x.right && f(x.c)).length;
    return `${name}: -${((100 * lost) / nA).toFixed(0)} +${((100 * gained) / nI).toFixed(0)} (w${wrongDropped})`;
  });
  console.log(s.n.padEnd(9), out.join(' | '));
}
