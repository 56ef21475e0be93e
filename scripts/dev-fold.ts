import { loadSets, collect } from '../src/cli/calibrate.js';
import { fitLogistic, lostAt, chooseThreshold } from '../src/core/eval/calibrate.js';
const sets = (await loadSets('../shared/eval', 'knowledge', 5_000_000))!;
const leave = process.argv[2] ?? 'case-dev';
const keep = sets.filter((s) => s.set.name !== leave);
const first = collect(keep, new Set());
const rank = fitLogistic(first.rankSamples);
const again = collect(keep, new Set(), rank);
const model = fitLogistic(again.samples);
console.log(
  'rank',
  JSON.stringify(rank),
  '\nmodel',
  JSON.stringify(model),
  'n samples',
  again.samples.length,
  'pos',
  again.samples.filter((s) => s.y).length,
);
for (const t of [0, 0.01, 0.05, 0.1, 0.2, 0.3]) console.log(t, lostAt(again.decisions, model, t).toFixed(3));
console.log('threshold', chooseThreshold(again.decisions, model, 0.04));
