import { readFile, stat } from 'node:fs/promises';
import {
  answer,
  computeMetrics,
  formatLoadError,
  judge,
  type Metrics,
  type Outcome,
  parseQuestionFile,
} from '../core/index.js';
import { EXIT } from '../shared/adapter.js';
import { findEvalSets, type EvalSet } from './dev-sets.js';
import { loadIndexOrReport } from './load-index.js';

export interface EvalOptions {
  readonly kb: string;
  readonly questions: string;
  readonly maxFileBytes: number;
  readonly json: boolean;
  readonly quiet: boolean;
}

/** A question file against --kb, or every set under a folder (see `findEvalSets`). */
async function findSets(options: EvalOptions): Promise<EvalSet[]> {
  if (!(await stat(options.questions)).isDirectory()) {
    return [{ name: options.questions, kb: options.kb, questions: options.questions }];
  }
  return findEvalSets(options.questions, options.kb);
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

export function formatMetrics(m: Metrics): string {
  return [
    `answer_correct ${pct(m.answer_correct)}`,
    `cited_correct ${pct(m.cited_correct)}`,
    `false_abstain ${pct(m.false_abstain)}`,
    `abstain_correct ${pct(m.abstain_correct)}`,
    `mean_answer_chars ${m.mean_answer_chars.toFixed(0)}`,
    `(${m.answerable} answerable, ${m.impossible} impossible)`,
  ].join('  ');
}

function describeFailure(o: Outcome): string {
  const expected = o.question.impossible
    ? 'no answer'
    : o.question.expect.map((g) => g.join(' | ')).join(' AND ');
  const got = o.answer.answered ? o.answer.text : `(abstained) ${o.answer.text}`;
  const why = o.correct && !o.cited ? ' [right answer, wrong citation]' : '';
  return `✗ ${o.question.id}: ${o.question.q}${why}\n    expected: ${expected}\n    got:      ${got}`;
}

/** `eval`: runs the answerer over question files and prints failures and the metrics of shared/eval/README. */
export async function runEval(options: EvalOptions): Promise<number> {
  const results: Array<{ name: string; metrics: Metrics }> = [];
  const all: Outcome[] = [];
  for (const set of await findSets(options)) {
    const index = await loadIndexOrReport({ dir: set.kb, maxFileBytes: options.maxFileBytes });
    if (!index) return EXIT.badKnowledge;
    const parsed = parseQuestionFile(await readFile(set.questions, 'utf8'), set.questions);
    for (const e of parsed.errors) process.stderr.write(`${formatLoadError(e)}\n`);
    const outcomes = parsed.questions.map((q) => judge(q, answer(index, q.q)));
    if (!options.quiet && !options.json) {
      for (const o of outcomes) if (!o.correct || !o.cited) process.stdout.write(`${describeFailure(o)}\n`);
    }
    all.push(...outcomes);
    results.push({ name: set.name, metrics: computeMetrics(outcomes) });
  }
  const total = computeMetrics(all);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ sets: results, total }, null, 2)}\n`);
  } else {
    for (const r of results) process.stdout.write(`${r.name}: ${formatMetrics(r.metrics)}\n`);
    if (results.length > 1) process.stdout.write(`TOTAL: ${formatMetrics(total)}\n`);
  }
  return 0;
}
