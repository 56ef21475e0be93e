// Load and lookup cost of the WordNet table, from the compiled code: `node scripts/lexicon/bench-lexicon.mjs`
// (after `npm run build`). Each run is a fresh process; prints medians over the runs.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.argv[2] ?? 15);
const child = `
const t0 = performance.now();
const { loadWordNetTable } = await import('./dist/core/lexicon/table.js');
const { synonymsOf } = await import('./dist/core/answer/synonyms.js');
const { termsOf } = await import('./dist/core/text/terms.js');
const t1 = performance.now();
loadWordNetTable();
const t2 = performance.now();
const { readFileSync } = await import('node:fs');
const questions = readFileSync('../shared/eval/squad/Steam_engine/questions.jsonl', 'utf8').split('\\n').filter(Boolean).map((l) => JSON.parse(l).q);
const stems = questions.flatMap((q) => termsOf(q));
const t3 = performance.now();
for (const s of stems) synonymsOf(s);
const t4 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1, coldUsPerTerm: ((t4 - t3) * 1000) / stems.length }));
`;
const root = fileURLToPath(new URL('../../', import.meta.url));
const runs = Array.from({ length: RUNS }, () =>
  JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', child], { cwd: root, encoding: 'utf8' }),
  ),
);
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
for (const key of Object.keys(runs[0])) console.log(key, median(runs.map((r) => r[key])).toFixed(2));
