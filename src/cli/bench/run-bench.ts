import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { answer, buildIndex, loadKnowledgeBase, type KnowledgeBase } from '../../core/index.js';
import { parseQuestionFile } from '../../core/eval/question-file.js';
import { prepareCorpora, type Corpus } from './corpora.js';
import { buildNaiveBot } from './naive-bot.js';
import { generateQuestions } from './questions.js';
import { heapMB, median, quantile, timeEach } from './stats.js';

export interface BenchOptions {
  readonly knowledgeDir: string;
  readonly sharedEvalDir: string;
  readonly cacheDir: string;
  readonly only?: readonly string[];
  readonly runs: number;
  readonly json: boolean;
}

interface Latency {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly qps: number;
}

export interface CorpusResult {
  readonly name: string;
  readonly documents: number;
  readonly passages: number;
  readonly mb: number;
  readonly questions: number;
  readonly loadMs: number;
  readonly buildMs: number;
  readonly heapMB: number;
  readonly startupMs: { readonly cold: number; readonly cached: number };
  readonly casefile: Latency & { readonly sourceFound: number };
  readonly naive: {
    readonly buildMs: number;
    readonly heapMB: number;
    readonly sourceFound: number;
  } & Latency;
}

const run = promisify(execFile);

function latency(runs: readonly number[][]): Latency {
  const p = (q: number): number => median(runs.map((r) => quantile(r, q)));
  const mean = median(runs.map((r) => r.reduce((a, b) => a + b, 0) / r.length));
  return { p50: p(0.5), p95: p(0.95), p99: p(0.99), qps: 1000 / mean };
}

async function evalQuestions(file: string): Promise<string[]> {
  try {
    return parseQuestionFile(await readFile(file, 'utf8'), file).questions.map((q) => q.q);
  } catch {
    return [];
  }
}

/**
 * Wall time of a cold `ask` process on the corpus (what a restart or a CLI user waits), median of 3:
 * with the index cache off, and with a cache written by one run before.
 */
async function startupMs(
  dir: string,
  question: string,
  cacheDir: string,
): Promise<{ cold: number; cached: number }> {
  const cli = join(import.meta.dirname, '..', 'main.js');
  const timed = async (cache: string): Promise<number> => {
    const started = performance.now();
    await run(process.execPath, [cli, 'ask', '--kb', dir, question], {
      maxBuffer: 1 << 24,
      env: { ...process.env, INDEX_CACHE_DIR: cache },
    });
    return performance.now() - started;
  };
  const cold = median([await timed('off'), await timed('off'), await timed('off')]);
  await timed(cacheDir);
  const cached = median([await timed(cacheDir), await timed(cacheDir), await timed(cacheDir)]);
  return { cold, cached };
}

async function benchCorpus(corpus: Corpus, options: BenchOptions): Promise<CorpusResult> {
  const base = heapMB();
  let started = performance.now();
  const loaded = await loadKnowledgeBase(corpus.dir);
  if (!loaded.ok)
    throw new Error(`${corpus.name}: ${loaded.error.length} load errors, first: ${loaded.error[0]?.message}`);
  const loadMs = performance.now() - started;
  const kb: KnowledgeBase = loaded.value;
  started = performance.now();
  const index = buildIndex(kb);
  const buildMs = performance.now() - started;
  const heap = heapMB() - base;

  const extra =
    corpus.name === 'squad'
      ? (
          await Promise.all(
            ['1973_oil_crisis', 'Harvard_University', 'Normans', 'Steam_engine'].map((a) =>
              evalQuestions(join(options.sharedEvalDir, 'squad', a, 'questions.jsonl')),
            ),
          )
        ).flat()
      : await evalQuestions(join(options.sharedEvalDir, 'seed-dev.jsonl'));
  const generated = generateQuestions(kb, 200);
  const questions = [...generated.map((g) => g.question), ...extra];
  const ours = Array.from({ length: options.runs }, () => timeEach(questions, (q) => answer(index, q)));
  // Quality at this size: how often the answer cites the sentence a generated question was made from.
  const sourceFound =
    generated.filter((g) => answer(index, g.question).citations.some((c) => c.passageId === g.passageId))
      .length / generated.length;

  const beforeNaive = heapMB();
  started = performance.now();
  const naive = buildNaiveBot(kb);
  const naiveBuildMs = performance.now() - started;
  const naiveHeap = heapMB() - beforeNaive;
  const theirs = Array.from({ length: options.runs }, () => timeEach(questions, naive));
  const naiveSourceFound =
    generated.filter((g) => naive(g.question) === kb.passages.find((p) => p.id === g.passageId)?.text)
      .length / generated.length;

  const mb = kb.documents.reduce((sum, d) => sum + Buffer.byteLength(d.body), 0) / 1_048_576;
  return {
    name: corpus.name,
    documents: kb.documents.length,
    passages: kb.passages.length,
    mb,
    questions: questions.length,
    loadMs,
    buildMs,
    heapMB: heap,
    startupMs: await startupMs(corpus.dir, questions[0] ?? 'what?', join(options.cacheDir, 'index')),
    casefile: { ...latency(ours), sourceFound },
    naive: { buildMs: naiveBuildMs, heapMB: naiveHeap, ...latency(theirs), sourceFound: naiveSourceFound },
  };
}

const f = (n: number, digits = 1): string => n.toFixed(digits);

export function formatTable(results: readonly CorpusResult[]): string {
  const head =
    '| corpus | docs | passages | MB | questions | load ms | build ms (naive) | heap MB (naive) | start ms: no cache / cache | p50 ms (naive) | p95 ms | p99 ms (naive) | p99 speed-up | q/s (naive) | source found (naive) |';
  const rule = `|${head
    .split('|')
    .slice(1, -1)
    .map(() => ' --- ')
    .join('|')}|`;
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.documents} | ${r.passages} | ${f(r.mb)} | ${r.questions} | ${f(r.loadMs, 0)} | ${f(r.buildMs, 0)} (${f(r.naive.buildMs, 0)}) | ${f(r.heapMB, 0)} (${f(r.naive.heapMB, 0)}) | ${f(r.startupMs.cold, 0)} / ${f(r.startupMs.cached, 0)} | ${f(r.casefile.p50, 2)} (${f(r.naive.p50, 2)}) | ${f(r.casefile.p95, 2)} | ${f(r.casefile.p99, 2)} (${f(r.naive.p99, 2)}) | ${f(r.naive.p99 / r.casefile.p99)}× | ${f(r.casefile.qps, 0)} (${f(r.naive.qps, 0)}) | ${f(100 * r.casefile.sourceFound, 0)}% (${f(100 * r.naive.sourceFound, 0)}%) |`,
  );
  return [head, rule, ...rows].join('\n');
}

/** `bench`: builds growing knowledge bases from real text and measures Casefile against the naive bot. */
export async function runBench(options: BenchOptions): Promise<number> {
  const corpora = await prepareCorpora(
    options.cacheDir,
    options.knowledgeDir,
    join(options.sharedEvalDir, 'squad'),
    (name) => !options.only || options.only.includes(name),
  );
  const results: CorpusResult[] = [];
  for (const corpus of corpora) {
    if (!options.json) process.stderr.write(`bench: ${corpus.name}…\n`);
    results.push(await benchCorpus(corpus, options));
  }
  process.stdout.write(options.json ? `${JSON.stringify(results, null, 2)}\n` : `${formatTable(results)}\n`);
  return 0;
}
