import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { ENGINE_LABEL, FIRST_STAGE_DEPTH, SHOWN } from './engines.js';
import { QUESTION_KINDS } from './questions.js';
import { recallOf, type BenchResults } from './report.js';
import { median } from './stats.js';

/**
 * Latency (p50 and p99) and recall (@shown, @answer, first stage) of every engine against knowledge-base size, as an SVG:
 * Vega-Lite compiled to Vega and rendered headless in Node (no browser, no canvas).
 */
export async function drawPlot(b: BenchResults): Promise<string> {
  const latency = b.results.flatMap((c) =>
    c.engines.flatMap(({ engine, runs }) =>
      (['p50', 'p99'] as const).map((p) => ({
        engine: ENGINE_LABEL[engine],
        sentences: runs[0]!.passages,
        percentile: p,
        ms: median(runs.map((r) => r.latency[p])),
      })),
    ),
  );
  const recall = b.results.flatMap((c) =>
    c.engines.flatMap(({ engine, runs }) =>
      QUESTION_KINDS.flatMap((kind) => [
        {
          engine: ENGINE_LABEL[engine],
          sentences: runs[0]!.passages,
          kind,
          measure: `shown (first ${SHOWN})`,
          recall: recallOf(runs)[kind].atShown,
        },
        {
          engine: ENGINE_LABEL[engine],
          sentences: runs[0]!.passages,
          kind,
          measure: `offered as the answer (first ${SHOWN})`,
          recall: recallOf(runs)[kind].atAnswer,
        },
        {
          engine: ENGINE_LABEL[engine],
          sentences: runs[0]!.passages,
          kind,
          measure: `first stage (top ${FIRST_STAGE_DEPTH})`,
          recall: recallOf(runs)[kind].firstStage,
        },
      ]),
    ),
  );
  const x = {
    field: 'sentences',
    type: 'quantitative',
    scale: { type: 'log' },
    title: 'knowledge-base size (sentences, log scale)',
  } as const;
  const color = {
    field: 'engine',
    type: 'nominal',
    legend: { orient: 'bottom', columns: 2, title: null, labelLimit: 400 },
  } as const;
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `Casefile and baselines: median of ${b.runs} run(s), each engine in a fresh process`,
    config: { font: 'sans-serif' },
    vconcat: [
      {
        data: { values: latency },
        width: 620,
        height: 260,
        title: 'Latency per question (solid p50, dashed p99), log scale',
        mark: { type: 'line', point: true },
        encoding: {
          x,
          y: { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'ms' },
          color,
          strokeDash: { field: 'percentile', type: 'nominal', legend: null },
          detail: { field: 'percentile' },
        },
      },
      {
        data: { values: recall },
        title:
          "Recall of the source sentence: among the sentences shown, and among the first stage's candidates",
        facet: {
          column: { field: 'kind', type: 'nominal', sort: [...QUESTION_KINDS], title: null },
          row: { field: 'measure', type: 'nominal', sort: 'descending', title: null },
        },
        spec: {
          width: 190,
          height: 160,
          mark: { type: 'line', point: true },
          encoding: {
            x: { ...x, title: 'sentences (log)' },
            y: {
              field: 'recall',
              type: 'quantitative',
              scale: { domain: [0, 1] },
              axis: { format: '%' },
              title: null,
            },
            color,
          },
        },
      },
    ],
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  return view.toSVG();
}
