// Development aid: for one set, the questions whose top verified sentence is wrong, beside the first right one.
import { readFileSync } from 'node:fs';
import { loadKnowledge as loadIndex } from '../src/core/knowledge/load-knowledge.js';
import { answer } from '../src/core/answer/answer.js';
import { containsPhrase } from '../src/core/eval/metrics.js';
import { parseQuestionFile } from '../src/core/eval/question-file.js';
import type { Check } from '../src/core/answer/verify.js';
const [kb, file] = process.argv.slice(2);
const r = await loadIndex(kb!);
if (!r.ok) throw new Error();
const f = (c: Check) =>
  `s=${c.score.toFixed(2)} [${c.features.map((x) => x.toFixed(2)).join(' ')}] ${r.value.index.kb.passages[c.i]!.text.slice(0, 110)}`;
for (const q of parseQuestionFile(readFileSync(file!, 'utf8'), file!).questions) {
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
  const passing = ranked.filter((c) => c.focus >= 0);
  if (passing[0] && right(passing[0])) continue;
  const k = ranked.findIndex(right);
  console.log(
    `✗ ${q.id} ${q.q}\n   top: ${passing[0] ? f(passing[0]) : '-'}\n   right#${k}: ${k >= 0 ? f(ranked[k]!) : '-'}`,
  );
}
