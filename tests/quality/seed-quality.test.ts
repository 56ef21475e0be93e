import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer, buildIndex, loadKnowledgeBase, type SearchIndex } from '../../src/core/index.js';
import { computeMetrics, judge } from '../../src/core/eval/metrics.js';
import { parseQuestionFile } from '../../src/core/eval/question-file.js';

const root = join(import.meta.dirname, '..', '..');
let index: SearchIndex;

beforeAll(async () => {
  const kb = await loadKnowledgeBase(join(root, 'knowledge'));
  if (!kb.ok) throw new Error(`bundled knowledge base does not load: ${JSON.stringify(kb.error)}`);
  index = buildIndex(kb.value);
});

// Our own questions on the bundled article (not the shared dev set), so a regression in any stage of
// the answerer shows up as a drop below these floors.
describe('answer quality on the bundled article', () => {
  it('GIVEN tests/fixtures/seed-questions.jsonl THEN answers, citations and abstentions stay above their floors', () => {
    const file = join(root, 'tests/fixtures/seed-questions.jsonl');
    const { questions, errors } = parseQuestionFile(readFileSync(file, 'utf8'), file);
    expect(errors).toEqual([]);
    const m = computeMetrics(questions.map((q) => judge(q, answer(index, q.q))));
    expect(m.answer_correct).toBeGreaterThanOrEqual(0.9);
    expect(m.cited_correct).toBeGreaterThanOrEqual(0.9);
    expect(m.false_abstain).toBeLessThanOrEqual(0.05);
    expect(m.abstain_correct).toBeGreaterThanOrEqual(0.75);
    expect(m.mean_answer_chars).toBeLessThanOrEqual(300);
  });
});
