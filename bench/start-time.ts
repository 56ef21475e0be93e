import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
const PRELOAD = join(import.meta.dirname, 'peak-rss.mjs');

export interface Start {
  readonly ms: number;
  readonly peakRssMB: number;
}

export interface StartRun {
  /** A fresh `ask` process with the index cache off: read, validate, chunk, index, answer. */
  readonly uncached: Start;
  /** The same with a cache written by the run before. */
  readonly cached: Start;
}

async function ask(kb: string, question: string, cacheDir: string): Promise<Start> {
  const started = performance.now();
  const { stderr } = await run(process.execPath, ['--import', PRELOAD, CLI, 'ask', '--kb', kb, question], {
    maxBuffer: 1 << 26,
    env: { ...process.env, INDEX_CACHE_DIR: cacheDir },
  });
  const ms = performance.now() - started;
  const rss = /BENCH_PEAK_RSS_MB=([\d.]+)/.exec(stderr);
  return { ms, peakRssMB: rss ? Number(rss[1]) : NaN };
}

/**
 * What a user waits for at start (or a CLI user per question): wall time of the built CLI (`dist/`,
 * so run `npm run build` first) answering one question, without and with the index cache.
 */
export async function measureStart(kb: string, question: string, cacheDir: string): Promise<StartRun> {
  await rm(cacheDir, { recursive: true, force: true });
  const uncached = await ask(kb, question, 'off');
  await ask(kb, question, cacheDir);
  const cached = await ask(kb, question, cacheDir);
  return { uncached, cached };
}
