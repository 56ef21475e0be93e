#!/usr/bin/env node
// The longest event-loop stall while the bot reloads a knowledge base, measured with
// monitorEventLoopDelay (and a 5 ms ticker) around KnowledgeService.reload — the path /kb reload
// and SIGHUP take. Reloads (after a first load at start-up): on the worker thread with the index
// cache (files unchanged: a cache hit), on the worker without a cache (a full rebuild), and, for
// comparison, loading on the main thread as before the worker. After each, an idle period as long
// (up to 20 s) shows the machine's own scheduling noise.
// Needs `npm run build`; the default corpus comes from `npm run bench -- --only sotu`.
//
//   node scripts/bench-reload-stall.mjs [--runs 3] [DIR]      (default: .cache/bench/sotu)
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { KnowledgeService, loadKnowledge } from '../dist/core/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' } },
});
const runs = Number(values.runs);
const dir = positionals[0] ?? '.cache/bench/sotu';

/** Runs `work` while watching the event loop; the longest stall in ms. */
async function watch(work) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let last = performance.now();
  let maxGap = 0;
  let over100 = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    if (now - last > 100) over100++;
    last = now;
  }, 5);
  histogram.enable();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  histogram.disable();
  clearInterval(ticker);
  return {
    result,
    ms,
    maxDelayMs: histogram.max / 1e6,
    p99DelayMs: histogram.percentile(99) / 1e6,
    maxGapMs: maxGap,
    over100PerMin: (over100 * 60_000) / ms,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cell = (xs) =>
  `${Math.round(median(xs))} (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})`;

const cacheDir = mkdtempSync(join(tmpdir(), 'casefile-stall-'));
const inProcess = (d, { timeoutMs: _, ...options }) => loadKnowledge(d, options);
const scenarios = {
  'worker, cache hit': new KnowledgeService({ dir, cacheDir }),
  'worker, no cache (full rebuild)': new KnowledgeService({ dir }),
  'main thread, no cache (before the worker)': new KnowledgeService({ dir, load: inProcess }),
};
console.log(
  `${dir}; load average at start: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  '| reload | reload ms | longest stall ms (monitorEventLoopDelay) | p99 delay ms | longest 5 ms-ticker gap ms | gaps > 100 ms per minute |',
);
console.log('|---|---|---|---|---|---|');
try {
  for (const [name, service] of Object.entries(scenarios)) {
    const first = await service.reload('warm-up');
    if (!first.ok) throw new Error(JSON.stringify(first.errors.slice(0, 3)));
    const rows = [];
    for (let k = 0; k < runs; k++) {
      const r = await watch(() => service.reload('bench'));
      if (!r.result.ok) throw new Error(JSON.stringify(r.result.errors.slice(0, 3)));
      rows.push(r);
    }
    const col = (key) => cell(rows.map((r) => r[key]));
    console.log(
      `| ${name} | ${col('ms')} | ${col('maxDelayMs')} | ${col('p99DelayMs')} | ${col('maxGapMs')} | ${col('over100PerMin')} |`,
    );
    // The same time with nothing to do: what this machine's scheduling alone costs the event loop.
    const idle = await watch(() => sleep(Math.min(median(rows.map((r) => r.ms)), 20_000)));
    const r = (x) => Math.round(x);
    console.log(
      `| idle for as long (machine noise) | ${r(idle.ms)} | ${r(idle.maxDelayMs)} | ${r(idle.p99DelayMs)} | ${r(idle.maxGapMs)} | ${r(idle.over100PerMin)} |`,
    );
  }
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
