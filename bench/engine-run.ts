/**
 * One engine on one corpus, in a process of its own (so no engine's JIT, caches or heap warm another):
 * load the knowledge base, build the engine, time every question, check recall. Prints one JSON line.
 *
 *   node --expose-gc --import tsx bench/engine-run.ts --engine NAME --kb DIR --questions FILE
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../src/core/index.js';
import { buildEngine, ENGINES, SHOWN, type EngineName } from './engines.js';
import { QUESTION_KINDS, type BenchQuestion, type QuestionKind } from './questions.js';
import { heapMB, peakRssMB, percentiles, timeEach, type Percentiles } from './stats.js';

export interface Recall {
  /** The source sentence is the first one shown. */
  readonly at1: number;
  /**
   * The source sentence is among the first `SHOWN` sentences shown: Casefile's citations, or the closest
   * passages it lists when it abstains; a baseline's top two.
   */
  readonly atShown: number;
  /** Likewise, counting only sentences offered as the answer (Casefile's citations; a baseline's top two). */
  readonly atAnswer: number;
  /** The source sentence is among the first stage's candidates (depth FIRST_STAGE_DEPTH). */
  readonly firstStage: number;
}

export interface EngineRun {
  readonly engine: EngineName;
  readonly documents: number;
  readonly passages: number;
  readonly mb: number;
  readonly buildMs: number;
  /** Heap the engine adds once built, the loaded documents excluded (they are loaded before the baseline). */
  readonly heapMB: number;
  readonly peakRssMB: number;
  readonly latency: Percentiles;
  readonly recall: Readonly<Record<QuestionKind, Recall>>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string' },
      kb: { type: 'string' },
      questions: { type: 'string' },
    },
  });
  const engine = values.engine as EngineName;
  if (!ENGINES.includes(engine) || !values.kb || !values.questions) {
    throw new Error(`usage: engine-run --engine ${ENGINES.join('|')} --kb DIR --questions FILE`);
  }
  const questions = JSON.parse(await readFile(values.questions, 'utf8')) as BenchQuestion[];
  const loaded = await loadKnowledgeBase(values.kb);
  if (!loaded.ok) throw new Error(`${values.kb}: ${loaded.error[0]?.message ?? 'cannot load'}`);
  const kb = loaded.value;

  const before = heapMB();
  const started = performance.now();
  const built = buildEngine(engine, kb);
  const buildMs = performance.now() - started;
  const heap = heapMB() - before;

  const latencies = timeEach(questions, (q) => built.answer(q.question));
  const recall = Object.fromEntries(
    QUESTION_KINDS.map((kind) => {
      const asked = questions.filter((q) => q.kind === kind);
      const share = (hit: (q: BenchQuestion) => boolean): number =>
        asked.length === 0 ? NaN : asked.filter(hit).length / asked.length;
      const shown = new Map(asked.map((q) => [q, built.answer(q.question)]));
      // A sentence written word for word more than once (mailing-list footers in the large base) is
      // found by showing any of its copies: the reader cannot tell them apart, and which copy an engine
      // ranks first among equals is an accident of numbering.
      const isSource = (q: BenchQuestion) => (i: number | undefined) =>
        i !== undefined && (i === q.source || kb.passages[i]!.text === kb.passages[q.source]!.text);
      return [
        kind,
        {
          at1: share((q) => isSource(q)(shown.get(q)!.passages[0])),
          atShown: share((q) => shown.get(q)!.passages.slice(0, SHOWN).some(isSource(q))),
          atAnswer: share(
            (q) => shown.get(q)!.answered && shown.get(q)!.passages.slice(0, SHOWN).some(isSource(q)),
          ),
          firstStage: share((q) => built.firstStage(q.question).some(isSource(q))),
        },
      ];
    }),
  ) as Record<QuestionKind, Recall>;

  const result: EngineRun = {
    engine,
    documents: kb.documents.length,
    passages: kb.passages.length,
    mb: kb.documents.reduce((sum, d) => sum + Buffer.byteLength(d.body), 0) / 1_048_576,
    buildMs,
    heapMB: heap,
    peakRssMB: peakRssMB(),
    latency: percentiles(latencies),
    recall,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
