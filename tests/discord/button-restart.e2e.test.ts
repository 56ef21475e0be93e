import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InteractionResponseType, MessageFlags, type APIMessage } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord/index.js';
import { askAndWait, callbackRoute } from './bot-harness.js';
import { spawnBot, type BotProcess } from './bot-process.js';

const START_MS = 30_000;

describe('E2E: the buttons of an answer after the bot restarts (issue 9 item 2)', () => {
  let fake: FakeDiscord;
  let dataDir: string;
  const bots: BotProcess[] = [];
  beforeEach(async () => {
    fake = await startFakeDiscord();
    dataDir = await mkdtemp(join(tmpdir(), 'casefile-restart-'));
  }, 30_000);
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.kill();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  /** A bot process logged in to the fake and ready to answer. */
  const started = async () => {
    const bot = await spawnBot(fake, { DATA_DIR: dataDir });
    bots.push(bot);
    await vi
      .waitFor(() => expect(bot.logs().some((l) => l.msg === 'ready')).toBe(true), { timeout: START_MS })
      .catch((error: unknown) => {
        throw new Error(`${String(error)}\nbot stderr:\n${bot.stderr()}`);
      });
    return bot;
  };

  it('GIVEN an answer given by one bot process WHEN a new process replaces it THEN every button of that answer is handled by the new one', async () => {
    const first = await started();
    const asked = await askAndWait(fake, 'who detained Levashov and where?');
    const answer: APIMessage = fake.world.interactions.get(asked.token)!.original!;
    const buttons = (answer.components ?? []).flatMap((row) =>
      'components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : [],
    );
    const button = (prefix: string) => buttons.find((id) => id.startsWith(`${prefix}:`))!;

    // Stopped as a supervisor stops it, then a fresh process: nothing of the first one's memory remains.
    first.child.kill('SIGTERM');
    expect(await first.exited()).toBe(0);
    const second = await started();
    expect(second.child.pid).not.toBe(first.child.pid);

    const replies: Record<string, Record<string, any>> = {};
    for (const prefix of ['vote', 'para', 'more', 'follow']) {
      const click = fake.clickButton({ message: answer, customId: button(prefix) });
      const callback = await fake.waitForRequest(
        (r) => callbackRoute(r) && r.path.includes(click.id),
        10_000,
      );
      expect(callback.status).toBe(204);
      replies[prefix] = callback.body as Record<string, any>;
    }
    expect(replies.vote).toMatchObject({
      data: { flags: MessageFlags.Ephemeral, content: expect.stringContaining('helpful') },
    });
    // The cited sentence in bold inside its paragraph, read back from the old message alone.
    expect(replies.para!.data.content).toMatch(/\*\*[^*]*Levashov[^*]*\*\*/);
    expect(replies.para!.data.flags).toBe(MessageFlags.Ephemeral);
    expect(replies.more!.data.flags).toBe(MessageFlags.Ephemeral);
    expect(replies.more!.data.content).toMatch(/\*\*\[\d+\]\*\*/);
    expect(replies.follow).toMatchObject({ type: InteractionResponseType.Modal });
    // The new process did the handling, and none of it failed.
    expect(second.logs().filter((l) => /wrong|error/i.test(l.msg))).toEqual([]);
    expect(fake.requests.filter((r) => r.status >= 400)).toEqual([]);
  }, 120_000);
});
