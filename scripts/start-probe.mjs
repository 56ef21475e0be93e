// One fresh process: load a knowledge base (through the index cache when INDEX_CACHE_DIR is set) the way
// the bot and the CLI start, then print one JSON line of what it cost. Run by bench-cached-start.ts.
import { loadKnowledge } from '../dist/core/index.js';

const [dir, cacheDir] = process.argv.slice(2);
const gc = globalThis.gc;
gc?.();
const baseHeap = process.memoryUsage().heapUsed;
const started = performance.now();
const loaded = await loadKnowledge(dir, cacheDir ? { cacheDir } : {});
const loadMs = performance.now() - started;
if (!loaded.ok) {
  process.stderr.write(`${JSON.stringify(loaded.error.slice(0, 5))}\n`);
  process.exit(2);
}
gc?.();
const heapMB = (process.memoryUsage().heapUsed - baseHeap) / 2 ** 20;
process.stdout.write(
  `${JSON.stringify({
    cache: loaded.value.cache,
    // From process start: node itself, module loading, then the load.
    startMs: performance.now(),
    loadMs,
    heapMB,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    // CPU time of the whole process: less swayed than wall time by other work on the machine.
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  })}\n`,
);
