/**
 * `npm run bench`: knowledge bases of growing size from real text, three kinds of questions made from
 * their sentences, and every engine built and timed in a fresh process per corpus and run.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { loadKnowledgeBase } from '../src/core/index.js';
import { prepareCorpora, type Corpus } from './corpora.js';
import { ENGINES, type EngineName } from './engines.js';
import type { EngineRun } from './engine-run.js';
import { drawPlot } from './plot.js';
import { generateQuestions } from './questions.js';
import { formatReport, type BenchResults, type CorpusResults } from './report.js';
import { measureStart, type StartRun } from './start-time.js';
import { loadWordNet } from './wordnet.js';

const USAGE = `Usage: npm run bench -- [options]
  --kb DIR           the seed knowledge folder (default ./knowledge)
  --squad DIR        a folder of <name>/kb/ folders measured as one base (e.g. ../shared/eval/squad)
  --corpus NAME=DIR  another knowledge folder to measure (repeatable)
  --work DIR         where generated bases, questions and results go (default .cache/bench)
  --only a,b         corpora to measure (seed, squad, sotu, large, or a --corpus NAME)
  --engines a,b      engines (default all: ${ENGINES.join(', ')})
  --runs N           fresh processes per engine and corpus; figures are medians with min–max (default 1)
  --sources N        source sentences per corpus, each giving one question of every kind (default 100)
  --no-start         skip the start-up measurement
  --plot FILE.svg    draw latency and recall against knowledge-base size
  --from A.json,B    report (and plot) saved results instead of measuring (a corpus and engine
                     in a later file replaces the same in an earlier one)
  --json             print the results as JSON instead of tables`;

const execute = promisify(execFile);
const WORKER = join(import.meta.dirname, 'engine-run.ts');

async function runEngine(engine: EngineName, corpus: Corpus, questionFile: string): Promise<EngineRun> {
  const { stdout } = await execute(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      WORKER,
      '--engine',
      engine,
      '--kb',
      corpus.dir,
      '--questions',
      questionFile,
    ],
    { maxBuffer: 1 << 24 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as EngineRun;
}

/**
 * Saved corpus results as one: a corpus measured in several files keeps its first position, and an
 * engine measured again (e.g. Casefile alone after a change) takes its later runs; start-up likewise.
 */
function mergeRuns(results: readonly CorpusResults[]): CorpusResults[] {
  const merged = new Map<string, CorpusResults>();
  for (const r of results) {
    const earlier = merged.get(r.corpus);
    if (!earlier) {
      merged.set(r.corpus, r);
      continue;
    }
    const engines = new Map(earlier.engines.map((e) => [e.engine, e]));
    for (const e of r.engines) engines.set(e.engine, e);
    merged.set(r.corpus, {
      ...earlier,
      engines: [...engines.values()],
      starts: r.starts.length > 0 ? r.starts : earlier.starts,
    });
  }
  return [...merged.values()];
}

async function measure(
  corpora: readonly Corpus[],
  engines: readonly EngineName[],
  options: { work: string; runs: number; sources: number; start: boolean; log: (s: string) => void },
): Promise<BenchResults> {
  const wordnet = loadWordNet();
  const prepared: { corpus: Corpus; file: string; firstQuestion: string }[] = [];
  await mkdir(join(options.work, 'questions'), { recursive: true });
  for (const corpus of corpora) {
    const loaded = await loadKnowledgeBase(corpus.dir);
    if (!loaded.ok) throw new Error(`${corpus.name}: ${loaded.error[0]?.message ?? 'cannot load'}`);
    const questions = generateQuestions(loaded.value.passages, options.sources, wordnet);
    const file = join(options.work, 'questions', `${corpus.name}.json`);
    await writeFile(file, JSON.stringify(questions));
    prepared.push({ corpus, file, firstQuestion: questions[0]?.question ?? 'what?' });
  }
  const runs = new Map<string, EngineRun[]>();
  const starts = new Map<string, StartRun[]>();
  // Runs are interleaved (run 1 of everything, then run 2…) so a slow spell on a shared machine spreads
  // over engines instead of landing on one.
  for (let r = 1; r <= options.runs; r++) {
    for (const { corpus, file, firstQuestion } of prepared) {
      for (const engine of engines) {
        options.log(`bench: run ${r}/${options.runs} ${corpus.name} ${engine}…`);
        const key = `${corpus.name}\n${engine}`;
        runs.set(key, [...(runs.get(key) ?? []), await runEngine(engine, corpus, file)]);
      }
      if (options.start) {
        options.log(`bench: run ${r}/${options.runs} ${corpus.name} start-up…`);
        const s = await measureStart(corpus.dir, firstQuestion, join(options.work, 'index', corpus.name));
        starts.set(corpus.name, [...(starts.get(corpus.name) ?? []), s]);
      }
    }
  }
  const results: CorpusResults[] = prepared.map(({ corpus, file }) => ({
    corpus: corpus.name,
    questionFile: file,
    engines: engines.map((engine) => ({ engine, runs: runs.get(`${corpus.name}\n${engine}`)! })),
    starts: starts.get(corpus.name) ?? [],
  }));
  return {
    date: new Date().toISOString(),
    runs: options.runs,
    sources: options.sources,
    node: process.version,
    results,
  };
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        kb: { type: 'string', default: 'knowledge' },
        squad: { type: 'string' },
        corpus: { type: 'string', multiple: true, default: [] },
        work: { type: 'string', default: '.cache/bench' },
        only: { type: 'string' },
        engines: { type: 'string' },
        runs: { type: 'string', default: '1' },
        sources: { type: 'string', default: '100' },
        'no-start': { type: 'boolean', default: false },
        plot: { type: 'string' },
        from: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 64;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const engines = (values.engines?.split(',') ?? [...ENGINES]) as EngineName[];
  const unknown = engines.filter((e) => !ENGINES.includes(e));
  const extra: Corpus[] = [];
  for (const spec of values.corpus) {
    const [name, dir] = spec.split(/=(.*)/s);
    if (!name || !dir) {
      process.stderr.write(`--corpus wants NAME=DIR, got "${spec}".\n`);
      return 64;
    }
    extra.push({ name, dir: resolve(dir) });
  }
  if (unknown.length > 0) {
    process.stderr.write(`Unknown engine(s): ${unknown.join(', ')}.\n${USAGE}\n`);
    return 64;
  }
  let results: BenchResults;
  if (values.from) {
    // Several saved runs (e.g. the small bases and the large one measured apart) report as one.
    const saved = await Promise.all(
      values.from.split(',').map(async (f) => JSON.parse(await readFile(f, 'utf8')) as BenchResults),
    );
    results = { ...saved[0]!, results: mergeRuns(saved.flatMap((r) => r.results)) };
  } else {
    const only = values.only?.split(',');
    const corpora = await prepareCorpora(
      values.work,
      { seedDir: values.kb, ...(values.squad ? { squadDir: values.squad } : {}), extra },
      (name) => !only || only.includes(name),
    );
    results = await measure(corpora, engines, {
      work: values.work,
      runs: Math.max(1, Number(values.runs) || 1),
      sources: Math.max(1, Number(values.sources) || 100),
      start: !values['no-start'],
      log: (s) => process.stderr.write(`${s}\n`),
    });
    await writeFile(join(values.work, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    process.stderr.write(`bench: results saved to ${join(values.work, 'results.json')}\n`);
  }
  if (values.plot) {
    await writeFile(values.plot, await drawPlot(results));
    process.stderr.write(`bench: plot written to ${values.plot}\n`);
  }
  process.stdout.write(values.json ? `${JSON.stringify(results, null, 2)}\n` : `${formatReport(results)}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
