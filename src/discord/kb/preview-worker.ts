import { parentPort, workerData } from 'node:worker_threads';
import { type FolderChange, loadKnowledgeBase, previewFolderChange } from '../../core/index.js';
import { summarizeChange } from './change-summary.js';
import type { PreviewReply } from './preview-in-worker.js';

/**
 * A worker thread's whole job: read and validate the folder as it is and as it would be after one
 * change, and send back only the summary (or the errors), so a large folder never stalls the bot.
 */
const { dir, change, maxFileBytes } = workerData as {
  dir: string;
  change: FolderChange;
  maxFileBytes: number;
};
const after = await previewFolderChange(dir, change, maxFileBytes);
let reply: PreviewReply;
if (!after.ok) {
  reply = { ok: false, error: after.error };
} else {
  // A folder that does not load right now compares as empty: every document of the result is new.
  const before = await loadKnowledgeBase(dir, { maxFileBytes });
  const empty = { documents: [], passages: [] };
  reply = { ok: true, value: summarizeChange(before.ok ? before.value : empty, after.value) };
}
if (!parentPort) throw new Error('preview-worker.js runs only as a worker thread');
parentPort.postMessage(reply);
