import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledgeBytes, type LoadKnowledgeOptions } from './load-knowledge.js';
import type { WorkerReply } from './worker-protocol.js';

/**
 * A worker thread's whole job: read, validate and index one knowledge folder (or read its saved index)
 * and hand the encoded index back, so none of it runs on the bot's main thread.
 */
// Nice value of this thread. The bot's main thread answers questions while this one prepares the next
// index; on a busy machine the two compete for a core, and a reload measured stalls of 100-200 ms on the
// main thread from that alone. On Linux the nice value belongs to a thread (setpriority of "this
// process" sets the calling thread's), so this lowers the worker alone; elsewhere it would lower the
// whole process, so it is left as is.
const WORKER_NICE = 10;
if (process.platform === 'linux') {
  try {
    setPriority(WORKER_NICE);
  } catch {
    // Not allowed here: the reload runs at normal priority, as before.
  }
}

const { dir, options } = workerData as { dir: string; options: Omit<LoadKnowledgeOptions, 'onProgress'> };
const port = parentPort!;
const send = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

const loaded = await loadKnowledgeBytes(dir, { ...options, onProgress: (progress) => send({ progress }) });
if (!loaded.ok) {
  send({ done: { ok: false, error: loaded.error } });
} else if ('unchanged' in loaded.value) {
  send({ done: { ok: true, value: loaded.value } });
} else {
  const { bytes, cache, cacheWriteError, key, suggestions } = loaded.value;
  // Moved, not copied: the bytes of a large index stay one buffer. A small one may share a pooled
  // buffer with other data, so it is copied into its own first; so are bytes that do not start on an
  // 8-byte boundary (a cache file's, after its header), which the main thread could only read by
  // copying them, in one step, itself.
  const own =
    bytes.byteOffset % 8 === 0 &&
    (bytes.byteLength >= 64 * 1024 || (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength))
      ? bytes
      : bytes.slice();
  send(
    {
      done: {
        ok: true,
        value: {
          buffer: own.buffer as ArrayBuffer,
          byteOffset: own.byteOffset,
          byteLength: own.byteLength,
          cache,
          ...(key !== undefined ? { key } : {}),
          ...(cacheWriteError !== undefined ? { cacheWriteError } : {}),
          ...(suggestions !== undefined ? { suggestions } : {}),
        },
      },
    },
    [own.buffer as ArrayBuffer],
  );
  // Stay until the main thread ends this thread (see loadKnowledgeInWorker).
  port.on('message', () => undefined);
}
