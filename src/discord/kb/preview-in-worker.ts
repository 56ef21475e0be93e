import { Worker } from 'node:worker_threads';
import { err, type FolderChange, type LoadError, type Result } from '../../core/index.js';
import type { ChangeSummary } from './change-summary.js';

export type PreviewReply = Result<ChangeSummary, LoadError[]>;

/** A dry run stopped after this long is reported, not waited on (a hung network share). */
export const PREVIEW_TIMEOUT_MS = 60_000;

// Under the test runner this file is TypeScript, and so is the worker's script.
const WORKER = new URL(`./preview-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/**
 * The dry run of a moderator's change on a worker thread: validating a whole folder is as heavy as a
 * reload, so it must not block answering. Resolves with what the change does, or every error.
 */
export function previewInWorker(
  dir: string,
  change: FolderChange,
  maxFileBytes: number,
  timeoutMs = PREVIEW_TIMEOUT_MS,
): Promise<PreviewReply> {
  const worker = startWorker(WORKER, { dir, change, maxFileBytes });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (reply: PreviewReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(reply);
    };
    const timer = setTimeout(
      () =>
        finish(
          err([{ file: dir, message: `the dry run took longer than ${timeoutMs / 1000} s: check the disk` }]),
        ),
      timeoutMs,
    );
    worker.on('message', (reply: PreviewReply) => finish(reply));
    worker.on('error', (e) =>
      finish(err([{ file: dir, message: `the dry run stopped with an internal error: ${e.message}` }])),
    );
    worker.on('exit', (code) =>
      finish(err([{ file: dir, message: `the dry run thread exited (code ${code}) early` }])),
    );
  });
}

/** A worker running `url`; a TypeScript one (tests run from source) is loaded through tsx. */
function startWorker(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
