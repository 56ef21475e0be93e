import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../../src/shared/adapter.js';
import { requestTo, startFakeDiscord, type FakeDiscord } from '../support/fake-discord/index.js';
import { spawnBot, type BotProcess } from './bot-process.js';

/** A bot process loads in a few seconds; slower when the suite runs in parallel. */
const START_MS = 30_000;

/** SigCgt in /proc: the signals this process has handlers for. SIGHUP is signal 1, the lowest bit. */
async function catchesSighup(pid: number): Promise<boolean> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const mask = /^SigCgt:\s*([0-9a-f]+)$/m.exec(status)?.[1] ?? '0';
  return (BigInt(`0x${mask}`) & 1n) === 1n;
}

describe('E2E: the bot process exits so a supervisor understands why (issue 8 items 6 and 8)', () => {
  let fake: FakeDiscord;
  let bot: BotProcess;
  beforeEach(async () => {
    fake = await startFakeDiscord();
  });
  afterEach(async () => {
    await bot?.kill();
    await fake.close();
  });

  const ready = () =>
    fake
      .waitForGateway((e) => e.kind === 'identify', START_MS)
      .catch((error: unknown) => {
        throw new Error(`${String(error)}\nbot stderr:\n${bot.stderr()}`);
      });

  it.each([
    [4004, /4004 .*token was reset or revoked.*Reset Token into DISCORD_TOKEN/],
    [4011, /4011 \(sharding required\).*SHARDS=auto/],
    [4014, /4014 \(disallowed intents\).*Privileged Gateway Intents/],
  ])(
    'GIVEN Discord closes the gateway with %i THEN the bot exits with EX_CONFIG and says what to do',
    async (code, line) => {
      bot = await spawnBot(fake);
      await ready();

      fake.dropConnection({ code });

      expect(await bot.exited()).toBe(EXIT.badConfig);
      expect(bot.stderr()).toMatch(
        new RegExp(`^Casefile stopped: Discord closed the gateway with ${line.source}`, 'm'),
      );
    },
    START_MS + 10_000,
  );

  it(
    'GIVEN a REST 401 when replying THEN it is reported as a revoked token and the process ends the same way',
    async () => {
      bot = await spawnBot(fake);
      await ready();
      fake.failNext(requestTo('POST', '/channels/:channel/messages'), [401]);

      fake.sendMessage({ content: 'who detained Levashov?', dm: true });

      expect(await bot.exited()).toBe(EXIT.badConfig);
      expect(bot.stderr()).toMatch(
        /^Casefile stopped: Discord answered 401 Unauthorized: the bot token was reset or revoked/m,
      );
    },
    START_MS + 10_000,
  );

  it(
    'GIVEN a SIGHUP while the bot is still starting THEN it keeps starting and reloads once it is up',
    async () => {
      bot = await spawnBot(fake);
      const pid = bot.child.pid!;
      // As soon as the process has its handler, i.e. during start-up, well before it is ready.
      await vi.waitFor(async () => expect(await catchesSighup(pid)).toBe(true), {
        timeout: START_MS,
        interval: 5,
      });
      expect(bot.logs().some((l) => l.msg === 'ready')).toBe(false);

      bot.child.kill('SIGHUP');

      await ready();
      await vi.waitFor(
        () =>
          expect(bot.logs()).toContainEqual(
            expect.objectContaining({ msg: 'knowledge base reloaded', by: 'SIGHUP' }),
          ),
        // The reload runs on a worker thread that loads its modules first: seconds on a busy machine.
        { timeout: 30_000 },
      );
      expect(bot.child.exitCode).toBeNull();
    },
    START_MS + 40_000,
  );
});
