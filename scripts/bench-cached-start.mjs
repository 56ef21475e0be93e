#!/usr/bin/env node
// Cached and uncached start of a knowledge base, each in a fresh process (scripts/start-probe.mjs):
// wall time from process start to a ready index, the module imports and the load alone, CPU time until
// ready, index heap and peak RSS.
// Medians over --runs runs, with min–max. Needs `npm run build`; the corpora come from
// `npm run bench -- --only sotu,large` (written under .cache/bench).
//
//   node scripts/bench-cached-start.mjs [--runs 3] [DIR ...]     (default: .cache/bench/sotu .cache/bench/large)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' } },
});
const runs = Number(values.runs);
const dirs = positionals.length > 0 ? positionals : ['.cache/bench/sotu', '.cache/bench/large'];
const probe = new URL('./start-probe.mjs', import.meta.url).pathname;

const once = (dir, cacheDir) =>
  JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', probe, dir, ...(cacheDir ? [cacheDir] : [])], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    }),
  );
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cell = (xs) => {
  const r = (x) => Math.round(x);
  return xs.length > 1 ? `${r(median(xs))} (${r(Math.min(...xs))}–${r(Math.max(...xs))})` : `${r(xs[0])}`;
};

console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on this machine`,
);
console.log(
  '| corpus | start | wall ms to ready | import ms | load ms | CPU ms | index heap MB | peak RSS MB |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const dir of dirs) {
  if (!existsSync(dir)) {
    console.log(`| ${dir} | missing: run \`npm run bench -- --only sotu,large\` first |`);
    continue;
  }
  const cacheDir = mkdtempSync(join(tmpdir(), 'casefile-start-'));
  try {
    const rows = { uncached: [], cached: [] };
    for (let k = 0; k < runs; k++) rows.uncached.push(once(dir));
    if (once(dir, cacheDir).cache !== 'missing')
      throw new Error('expected the first cached run to write the cache');
    for (let k = 0; k < runs; k++) {
      const r = once(dir, cacheDir);
      if (r.cache !== 'hit') throw new Error(`expected a cache hit, got ${r.cache}`);
      rows.cached.push(r);
    }
    for (const [kind, rs] of Object.entries(rows)) {
      const col = (k) => cell(rs.map((r) => r[k]));
      console.log(
        `| ${dir} | ${kind} | ${col('startMs')} | ${col('importMs')} | ${col('loadMs')} | ${col('cpuMs')} | ${col('heapMB')} | ${col('maxRssMB')} |`,
      );
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
