// Development aid: for answerable questions, which gate stops the sentence that holds the answer.
import { readFileSync } from 'node:fs';
import { loadKnowledge as loadIndex } from '../src/core/index.js';
import { answer } from '../src/core/answer/answer.js';
import { containsPhrase } from '../src/core/eval/metrics.js';
import { parseQuestionFile } from '../src/core/eval/question-file.js';
const [kb, file] = process.argv.slice(2);
const r = await loadIndex(kb!);
if (!r.ok) throw new Error();
const index = r.value.index;
const counts: Record<string, number> = {};
const examples: Record<string, string[]> = {};
for (const q of parseQuestionFile(readFileSync(file!, 'utf8'), file!).questions) {
  if (q.impossible) continue;
  let verdict = '';
  answer(index, q.q, {
    model: { bias: 0, weights: [], threshold: 0 },
    onCheck: (k, best, passed) => {
      if (k > 0) return;
      if (!best) verdict = 'no-candidate';
      else {
        const text = index.kb.passages[best.i]!.text;
        const right = q.expect.every((g) => g.some((s) => containsPhrase(text, s)));
        verdict = passed
          ? right
            ? 'pass-right'
            : 'pass-wrong'
          : `fail(typed=${best.typed},focus=${best.focus})${right ? '-right' : '-wrong'}`;
      }
    },
  });
  counts[verdict] = (counts[verdict] ?? 0) + 1;
  (examples[verdict] ??= []).push(q.q);
}
console.log(counts);
for (const [k, v] of Object.entries(examples)) if (k.startsWith('fail')) console.log(k, v.slice(0, 6));
