#!/usr/bin/env node
// The longest event-loop stall while the bot reloads a knowledge base, measured with
// monitorEventLoopDelay (and a 5 ms ticker) around KnowledgeService.reload — the path /kb reload and
// SIGHUP take — and the main thread's own busy time (eventLoopUtilization). Reloads, after a first load
// at start-up, of a copy of the corpus (the corpus itself is never touched):
//   - nothing changed (a SIGHUP, or /kb reload to check);
//   - one document changed (what /kb add or an edit does): the worker rebuilds, and this thread brings
//     in that document and the index-wide parts, keeping its own objects for the others;
//   - every document changed (the worst case): this thread brings in the whole index;
//   - the autocomplete suggestions the bot prepares after a reload (`prepareSuggestedQuestions`): the
//     service is made as the bot makes it, so the worker has already worked them out;
//   - and, for comparison, every document changed, loaded on the main thread as before the worker
//     (minutes; leave it out with --no-main-thread).
// After each, an idle period as long (up to 20 s) shows the machine's own scheduling noise.
// Needs `npm run build`; the default corpus comes from `npm run bench -- --only sotu`.
//
//   node scripts/bench-reload-stall.mjs [--runs 3] [--no-main-thread] [DIR]   (default: .cache/bench/sotu)
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { KnowledgeService, loadKnowledge } from '../dist/core/index.js';
import { prepareSuggestedQuestions, SUGGESTIONS } from '../dist/discord/autocomplete.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    'no-main-thread': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const corpus = positionals[0] ?? '.cache/bench/sotu';

/** Runs `work` while watching the event loop. */
async function watch(work) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let last = performance.now();
  let maxGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 5);
  histogram.enable();
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const busy = performance.eventLoopUtilization(elu);
  histogram.disable();
  clearInterval(ticker);
  return {
    result,
    ms,
    busyMs: busy.active,
    maxDelayMs: histogram.max / 1e6,
    p99DelayMs: histogram.percentile(99) / 1e6,
    maxGapMs: maxGap,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const n = (x) => Math.round(x).toLocaleString('en');
const cell = (xs) => `${n(median(xs))} (${n(Math.min(...xs))}–${n(Math.max(...xs))})`;

const work = mkdtempSync(join(tmpdir(), 'casefile-stall-'));
const dir = join(work, 'kb');
cpSync(corpus, dir, { recursive: true });
const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
const originals = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
let edit = 0;
/** Gives `count` documents (all when undefined) a new last sentence, different at every call. */
const change = (count) => {
  edit++;
  for (const f of files.slice(0, count ?? files.length)) {
    writeFileSync(join(dir, f), `${originals.get(f)}\nThis copy was edited for reload ${edit}.\n`);
  }
};

const inProcess = (d, { timeoutMs: _, ...options }) => loadKnowledge(d, options);
const scenarios = [
  {
    name: 'nothing changed',
    make: () => new KnowledgeService({ dir, cacheDir: join(work, 'c1'), suggest: SUGGESTIONS }),
    before: () => {},
  },
  {
    name: 'one document changed',
    make: () => new KnowledgeService({ dir, cacheDir: join(work, 'c2'), suggest: SUGGESTIONS }),
    before: () => change(1),
  },
  {
    name: 'every document changed',
    make: () => new KnowledgeService({ dir, cacheDir: join(work, 'c3'), suggest: SUGGESTIONS }),
    before: () => change(),
    suggestions: true,
  },
  ...(values['no-main-thread']
    ? []
    : [
        {
          name: 'every document changed, main thread (before the worker)',
          make: () => new KnowledgeService({ dir, load: inProcess }),
          before: () => change(),
        },
      ]),
];

console.log(
  `${corpus} (${files.length} documents), ${runs} runs; load average at start: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  '| reload | reload ms | main thread busy ms | longest stall ms (monitorEventLoopDelay) | p99 delay ms | longest 5 ms-ticker gap ms |',
);
console.log('|---|---|---|---|---|---|');
const row = (name, rows) => {
  const col = (key) => cell(rows.map((r) => r[key]));
  console.log(
    `| ${name} | ${col('ms')} | ${col('busyMs')} | ${col('maxDelayMs')} | ${col('p99DelayMs')} | ${col('maxGapMs')} |`,
  );
};
const loads = [];
try {
  for (const scenario of scenarios) {
    const service = scenario.make();
    const first = await service.reload('start-up');
    if (!first.ok) throw new Error(JSON.stringify(first.errors.slice(0, 3)));
    const rows = [];
    const suggestions = [];
    for (let k = 0; k < runs; k++) {
      scenario.before();
      const r = await watch(() => service.reload('bench'));
      if (!r.result.ok) throw new Error(JSON.stringify(r.result.errors.slice(0, 3)));
      rows.push(r);
      loads.push(loadavg()[0]);
      if (scenario.suggestions)
        suggestions.push(
          await watch(() => prepareSuggestedQuestions(service.current(), service.suggestedQuestions())),
        );
    }
    row(scenario.name, rows);
    if (suggestions.length > 0)
      row('then the autocomplete suggestions (the bot does this after a reload)', suggestions);
    // The same time with nothing to do: what this machine's scheduling alone costs the event loop.
    const idle = await watch(() => sleep(Math.min(median(rows.map((r) => r.ms)), 20_000)));
    row('idle for as long (machine noise)', [idle]);
    for (const f of files) writeFileSync(join(dir, f), originals.get(f));
  }
  console.log(
    `load average (1 min) after each reload: ${loads.map((l) => l.toFixed(1)).join(' ')}; at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
