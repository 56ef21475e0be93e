// Development aid: question latency on a large knowledge folder (first question separately).
import { answer, loadKnowledge } from '../src/core/index.js';
const kb = process.argv[2]!;
const t0 = performance.now();
const r = await loadKnowledge(kb, { cacheDir: '/tmp/speedcache', cacheMinBytes: 0 });
if (!r.ok) throw new Error('load');
console.log('load ms', (performance.now() - t0).toFixed(0));
const qs = [
  'When did the war with Mexico end?',
  'How many soldiers were sent to Korea?',
  'Who was the Secretary of the Treasury in 1865?',
  'What did Congress do about the tariff?',
  'Why did the president veto the bill?',
  'when was the income tax introduced',
  'How much did the national debt grow?',
  'Where was the canal built?',
];
let t = performance.now();
answer(r.value.index, 'Who was president during the Civil War?');
console.log('first question ms', (performance.now() - t).toFixed(1));
const times: number[] = [];
for (let k = 0; k < 5; k++)
  for (const q of qs) {
    t = performance.now();
    answer(r.value.index, q);
    times.push(performance.now() - t);
  }
times.sort((a, b) => a - b);
console.log(
  'p50',
  times[Math.floor(times.length / 2)]!.toFixed(1),
  'max',
  times[times.length - 1]!.toFixed(1),
);
