/**
 * Median time from INTERACTION_CREATE (the fake sends it) to the bot's callback (the fake receives it),
 * over 100 /ask questions, with the production bot against the fake Discord on 127.0.0.1.
 *
 *   npx tsx scripts/bench-discord-latency.ts [count]
 */
import { ApplicationCommandOptionType } from 'discord.js';
import { percentiles } from '../bench/stats.js';
import { callbackRoute, startHarness } from '../tests/discord/bot-harness.js';

const QUESTIONS = [
  'who detained Levashov and where?',
  'what botnet did Levashov run?',
  'when did the FBI start blocking Kelihos domains?',
  'what did Spamhaus call him?',
  'who is Stanislav Lisov?',
];
const count = Number(process.argv[2] ?? 100);
const h = await startHarness({ RATE_LIMIT_COUNT: String(count + 10), LOG_LEVEL: 'warn' });
const latencies: number[] = [];
try {
  for (let i = 0; i < count + 5; i++) {
    const value = QUESTIONS[i % QUESTIONS.length]!;
    const started = performance.now();
    const sent = h.fake.sendInteraction({
      commandName: 'ask',
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value }],
    });
    await h.fake.waitForRequest((r) => callbackRoute(r) && r.path.includes(sent.id));
    // The first five warm up the JIT and the HTTP connection; they are not counted.
    if (i >= 5) latencies.push(performance.now() - started);
  }
} finally {
  await h.close();
}
const p = percentiles(latencies);
process.stdout.write(
  `INTERACTION_CREATE → callback over ${latencies.length} /ask questions: median ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms, max ${p.max.toFixed(1)} ms\n`,
);
