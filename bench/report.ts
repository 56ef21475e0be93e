import type { EngineRun, Recall } from './engine-run.js';
import { ENGINE_LABEL, type EngineName } from './engines.js';
import { QUESTION_KINDS } from './questions.js';
import type { StartRun } from './start-time.js';
import { spread, type Spread } from './stats.js';

export interface CorpusResults {
  readonly corpus: string;
  readonly questionFile: string;
  readonly engines: readonly { readonly engine: EngineName; readonly runs: readonly EngineRun[] }[];
  readonly starts: readonly StartRun[];
}

export interface BenchResults {
  readonly date: string;
  readonly runs: number;
  readonly sources: number;
  readonly node: string;
  readonly results: readonly CorpusResults[];
}

/** Median over runs, with min–max when there was more than one run. */
function show(s: Spread, digits: number): string {
  const f = (n: number): string =>
    n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return s.runs > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median);
}

const of = (runs: readonly EngineRun[], pick: (r: EngineRun) => number): Spread => spread(runs.map(pick));
const pct = (n: number): string => (Number.isNaN(n) ? '–' : `${(100 * n).toFixed(0)}%`);

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Recall is deterministic (same questions, same index), so the first run's figures stand for all. */
export const recallOf = (runs: readonly EngineRun[]): EngineRun['recall'] => runs[0]!.recall;

export function formatReport(b: BenchResults): string {
  const size = (c: CorpusResults): string => {
    const r = c.engines[0]!.runs[0]!;
    return `${c.corpus} (${r.passages.toLocaleString('en-US')} sentences, ${r.mb.toFixed(1)} MB)`;
  };
  const latency = table(
    ['corpus', 'engine', 'p50 ms', 'p95 ms', 'p99 ms', 'build ms', 'index heap MB', 'peak RSS MB'],
    b.results.flatMap((c) =>
      c.engines.map(({ engine, runs }) => [
        size(c),
        ENGINE_LABEL[engine],
        show(
          of(runs, (r) => r.latency.p50),
          2,
        ),
        show(
          of(runs, (r) => r.latency.p95),
          2,
        ),
        show(
          of(runs, (r) => r.latency.p99),
          2,
        ),
        show(
          of(runs, (r) => r.buildMs),
          0,
        ),
        show(
          of(runs, (r) => r.heapMB),
          0,
        ),
        show(
          of(runs, (r) => r.peakRssMB),
          0,
        ),
      ]),
    ),
  );
  // Results saved before @shown existed have only `atCitations`, which counted what @answer counts.
  const cell = (r: Partial<Recall> & { atCitations?: number }): string =>
    [r.at1, r.atShown, r.atAnswer ?? r.atCitations, r.firstStage].map((n) => pct(n ?? NaN)).join(' / ');
  const recall = table(
    ['corpus', 'engine', ...QUESTION_KINDS.map((k) => `${k}: @1 / @shown / @answer / first stage`)],
    b.results.flatMap((c) =>
      c.engines.map(({ engine, runs }) => [
        c.corpus,
        ENGINE_LABEL[engine],
        ...QUESTION_KINDS.map((k) => cell(recallOf(runs)[k])),
      ]),
    ),
  );
  const withStarts = b.results.filter((c) => c.starts.length > 0);
  const starts = table(
    ['corpus', 'start s, no cache', 'start s, cache', 'peak RSS MB, no cache', 'peak RSS MB, cache'],
    withStarts.map((c) => [
      c.corpus,
      show(spread(c.starts.map((s) => s.uncached.ms / 1000)), 2),
      show(spread(c.starts.map((s) => s.cached.ms / 1000)), 2),
      show(spread(c.starts.map((s) => s.uncached.peakRssMB)), 0),
      show(spread(c.starts.map((s) => s.cached.peakRssMB)), 0),
    ]),
  );
  const questions = b.results[0]?.engines[0]?.runs[0];
  const perKind = questions ? Object.keys(questions.recall).length : 0;
  return [
    `${b.runs} run(s) of every engine, each in a fresh process; ${b.sources} source sentences per corpus × ${perKind} question kinds; Node ${b.node}; ${b.date}.`,
    '',
    latency,
    '',
    'Recall of the source sentence:',
    '',
    recall,
    ...(withStarts.length > 0 ? ['', 'Casefile start-up (`ask` CLI, one question):', '', starts] : []),
  ].join('\n');
}
