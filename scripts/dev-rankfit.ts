// Development aid: fit the ranking model on candidate features with some features masked, leave one set
// out, and report top-1 of the held-out set (one-part answerable questions, after the focus gate).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge as loadIndex } from '../src/core/knowledge/load-knowledge.js';
import { answer } from '../src/core/answer/answer.js';
import { containsPhrase } from '../src/core/eval/metrics.js';
import { parseQuestionFile } from '../src/core/eval/question-file.js';
import { fitLogistic, type Sample } from '../src/core/eval/calibrate.js';
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
interface Q {
  set: string;
  cands: { x: number[]; y: 0 | 1; ok: boolean }[];
}
const qs: Q[] = [];
for (const s of sets) {
  const r = await loadIndex(s.kb);
  if (!r.ok) throw new Error();
  for (const q of parseQuestionFile(readFileSync(s.q, 'utf8'), s.q).questions) {
    if (q.impossible) continue;
    let ranked: readonly Check[] = [];
    let parts = 0;
    answer(r.value.index, q.q, {
      onRanked: (_, c) => {
        parts++;
        ranked = c;
      },
    });
    if (parts !== 1) continue;
    const right = (c: Check) =>
      q.expect.every((g) => g.some((x) => containsPhrase(r.value.index.kb.passages[c.i]!.text, x)));
    qs.push({
      set: s.n,
      cands: ranked.map((c) => ({ x: [...c.features], y: right(c) ? 1 : 0, ok: c.focus >= 0 })),
    });
  }
}
const masks: Record<string, number[]> = JSON.parse(process.argv[2] ?? '{"all":[]}');
for (const [name, drop] of Object.entries(masks)) {
  const m = (x: number[]) => x.map((v, k) => (drop.includes(k) ? 0 : v));
  const res: string[] = [];
  for (const held of sets.map((s) => s.n)) {
    const samples: Sample[] = qs
      .filter((q) => q.set !== held && q.cands.some((c) => c.y))
      .flatMap((q) => q.cands.map((c) => ({ set: q.set, x: m(c.x), y: c.y })));
    const model = fitLogistic(samples);
    const test = qs.filter((q) => q.set === held);
    let top = 0;
    for (const q of test) {
      const best = q.cands
        .filter((c) => c.ok)
        .map((c) => ({ c, s: m(c.x).reduce((z, v, k) => z + v * model.weights[k]!, model.bias) }))
        .sort((a, b) => b.s - a.s)[0];
      if (best?.c.y) top++;
    }
    res.push(`${held} ${((100 * top) / test.length).toFixed(1)}`);
  }
  console.log(name.padEnd(14), res.join('  '));
}
