// One fresh process: load a knowledge base (through the index cache when a cache folder is given) the way
// the bot and the CLI start, then print one JSON line of what it cost. Run by bench-cached-start.mjs.
//
// "Ready" is when loadKnowledge returns, counted from the process's start (Node's own start and loading
// the modules included). The collections run only to measure the heap are not part of a start: the one
// after the load is taken once ready, the one before it is subtracted.
const bootMs = performance.now();
const { loadKnowledge } = await import('../dist/core/index.js');
const importMs = performance.now() - bootMs;

const [dir, cacheDir] = process.argv.slice(2);
const gc = globalThis.gc;
const gcStarted = performance.now();
gc?.();
const gcMs = performance.now() - gcStarted;
const baseHeap = process.memoryUsage().heapUsed;
const started = performance.now();
const loaded = await loadKnowledge(dir, cacheDir ? { cacheDir } : {});
const readyMs = performance.now() - gcMs;
const cpu = process.cpuUsage();
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
    startMs: readyMs,
    bootMs,
    importMs,
    loadMs,
    heapMB,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    // CPU time of the process until ready (the small collection before the load included): less swayed
    // than wall time by other work on the machine.
    cpuMs: (cpu.user + cpu.system) / 1000,
  })}\n`,
);
