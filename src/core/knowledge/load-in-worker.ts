import { Worker } from 'node:worker_threads';
import { pacer, type Pacer } from '../pace.js';
import { err, ok, type Result } from '../result.js';
import type { LoadError } from '../types.js';
import type { SearchIndex } from '../search/build-index.js';
import {
  indexFromPayload,
  type LoadedIndex,
  type LoadKnowledgeOptions,
  type LoadStage,
  type Unchanged,
} from './load-knowledge.js';
import type { WorkerReply } from './worker-protocol.js';

export interface WorkerLoadOptions extends Omit<LoadKnowledgeOptions, 'onProgress'> {
  /** The whole load (reading, validating, indexing) is stopped after this long and reported. */
  readonly timeoutMs: number;
  /** How the main thread brings the index in; by default in 10 ms slices. */
  readonly pace?: Pacer;
  /** The worker's script; tests substitute one that hangs. */
  readonly workerUrl?: URL;
  /** The index in use, whose documents `known` describes: those are taken from it, not decoded. */
  readonly previous?: SearchIndex | undefined;
}

/**
 * Slices of main-thread work while a reloaded index is brought in: 10 ms, so that even when a loaded
 * machine stretches each slice several times over, it stays under the 100 ms budget.
 */
const SLICE_MS = 10;
/** Files named in a timeout report; the rest are counted. */
const MAX_STUCK_FILES = 10;

// Under the test runner this file is TypeScript, and so is the worker's script.
const DEFAULT_WORKER = new URL(`./load-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/**
 * `loadKnowledge` on a worker thread: reading, validating and indexing never block the caller's event
 * loop, and the index comes back as bytes that are decoded here in short slices (or, when the files
 * are those of `unchangedFrom`, as `unchanged`, with nothing to decode). A load that takes
 * longer than `timeoutMs` is stopped (the worker is terminated, so a hung read cannot hold anything)
 * and reported, naming the files still being read.
 */
export function loadKnowledgeInWorker(
  dir: string,
  options: WorkerLoadOptions,
): Promise<Result<LoadedIndex | Unchanged, LoadError[]>> {
  const { timeoutMs, pace = pacer(SLICE_MS), workerUrl = DEFAULT_WORKER, previous, ...loadOptions } = options;
  const worker = startWorker(workerUrl, { dir, options: loadOptions });
  let stage: LoadStage = 'reading';
  const reading = new Set<string>();

  return new Promise((resolve) => {
    let settled = false;
    type Loaded = Result<LoadedIndex | Unchanged, LoadError[]>;
    const finish = (result: Loaded | Promise<Loaded>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish(err(timeoutReport(dir, timeoutMs, stage, [...reading])));
      void worker.terminate();
    }, timeoutMs);

    worker.on('message', (reply: WorkerReply) => {
      if ('progress' in reply) {
        const p = reply.progress;
        if ('stage' in p) stage = p.stage;
        else if (p.reading) reading.add(p.file);
        else reading.delete(p.file);
        return;
      }
      const { done } = reply;
      if (!done.ok) {
        void worker.terminate();
        finish(err(done.error));
        return;
      }
      if ('unchanged' in done.value) {
        void worker.terminate();
        finish(ok(done.value));
        return;
      }
      const { buffer, byteOffset, byteLength, cache, cacheWriteError, key, suggestions } = done.value;
      // The worker is ended, and its end awaited, before the index is brought in. Left alive, its idle
      // heap (hundreds of MB) was collected by its own GC threads (finishing its marking, then the
      // memory reducer) at the very moment this thread brought the index in; ended meanwhile, the
      // teardown of that heap competed with this thread's allocations. Either cost single stalls of
      // 100-250 ms here on a loaded machine (`node --trace-gc`); in sequence neither overlaps.
      const bytes = new Uint8Array(buffer, byteOffset, byteLength);
      const index = worker.terminate().then(() => indexFromPayload(bytes, pace, previous));
      finish(
        index.then(
          ({ index, digests }) =>
            ok({
              index,
              digests,
              cache,
              ...(key !== undefined ? { key } : {}),
              ...(cacheWriteError !== undefined ? { cacheWriteError } : {}),
              ...(suggestions !== undefined ? { suggestions } : {}),
            }),
          (e: unknown) =>
            err([{ file: dir, message: `the loaded index could not be read back (${String(e)}): reload again` }]),
        ),
      );
    });
    worker.on('error', (e) =>
      finish(err([{ file: dir, message: `loading stopped with an internal error: ${e.message}` }])),
    );
    worker.on('exit', (code) =>
      finish(err([{ file: dir, message: `the loading thread exited (code ${code}) before it finished` }])),
    );
  });
}

/** A worker running `url`; a TypeScript one (tests run from source) is loaded through tsx. */
function startWorker(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

function timeoutReport(dir: string, timeoutMs: number, stage: LoadStage, stuck: string[]): LoadError[] {
  const seconds = `${Math.round(timeoutMs / 100) / 10} s (RELOAD_TIMEOUT_SECONDS)`;
  if (stage === 'reading' && stuck.length > 0) {
    const named = stuck.sort().slice(0, MAX_STUCK_FILES);
    const errors: LoadError[] = named.map((file) => ({
      file,
      message: `was still being read when loading stopped after ${seconds}: check the disk or network share that holds it`,
    }));
    if (stuck.length > named.length) {
      errors.push({ file: dir, message: `and ${stuck.length - named.length} more files were still being read` });
    }
    return errors;
  }
  return [
    {
      file: dir,
      message: `loading stopped after ${seconds} while ${stage}: raise RELOAD_TIMEOUT_SECONDS or split the largest files`,
    },
  ];
}
