import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationCommandOptionType, ShardClientUtil } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord/index.js';
import { MODERATOR_PERMISSIONS, callbackRoute, originalEditRoute, payloadOf } from './bot-harness.js';

const NEW_DOCUMENT = `---
title: Kelihos takedown timeline
---
The Kelihos botnet was dismantled by the FBI with help from CrowdStrike in April 2017.
`;
const NEW_QUESTION = 'who helped the FBI dismantle the Kelihos botnet?';
const START_MS = 40_000;

interface LogLine {
  msg: string;
  shards?: number[];
  [key: string]: unknown;
}

/**
 * docker-compose.yml without Docker: the same two processes (SHARD_COUNT=4, SHARD_IDS=0,1 and 2,3),
 * started directly (the compiled dist/) against one fake Discord that routes each guild to its shard.
 */
describe('E2E: SHARD_IDS / SHARD_COUNT, two processes of two shards each (docker-compose.yml)', () => {
  let fake: FakeDiscord;
  let dir: string;
  const bots: Array<{ process: ChildProcess; stderr: string }> = [];
  const logs = (k: number): LogLine[] =>
    bots[k]!.stderr.split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: 4, guildCount: 4 });
    dir = await mkdtemp(join(tmpdir(), 'casefile-shard-ids-'));
    await cp('knowledge/king-of-spam.md', join(dir, 'king-of-spam.md'));
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_') && !k.startsWith('SHARD')),
    );
    for (const ids of ['0,1', '2,3']) {
      const child = spawn(process.execPath, ['dist/discord/main.js'], {
        env: {
          ...inherited,
          SHARD_COUNT: '4',
          SHARD_IDS: ids,
          DISCORD_TOKEN: fake.token,
          DISCORD_APPLICATION_ID: fake.applicationId,
          DISCORD_API_URL: fake.apiUrl,
          KNOWLEDGE_DIR: dir,
          KB_GUILD_IDS: fake.guildIds.join(','),
          INDEX_CACHE_DIR: 'off',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const bot = { process: child, stderr: '' };
      child.stderr.on('data', (chunk: Buffer) => (bot.stderr += chunk.toString()));
      bots.push(bot);
    }
    const identified = (id: number) =>
      fake.waitForGateway((e) => e.kind === 'identify' && e.shard[0] === id && e.shard[1] === 4, START_MS);
    await Promise.all([0, 1, 2, 3].map(identified)).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${bots.map((b) => b.stderr).join('\n')}`);
    });
    // Both processes have logged in and prepared their answers (every shard of a process is ready).
    const deadline = performance.now() + START_MS;
    while (![0, 1].every((k) => logs(k).some((l) => l.msg === 'ready'))) {
      if (performance.now() > deadline) throw new Error(bots.map((b) => b.stderr).join('\n'));
      await new Promise((r) => setTimeout(r, 100));
    }
  }, START_MS + 10_000);

  afterAll(async () => {
    for (const { process: child } of bots) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
    await fake?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function ask(guildId: string, question: string) {
    const sent = fake.sendInteraction({
      commandName: 'ask',
      guildId,
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }],
    });
    return payloadOf(
      await fake.waitForRequest(
        (r) => callbackRoute(r) && r.path.includes(sent.id) && r.status === 204,
        15_000,
      ),
    );
  }

  it('GIVEN two processes THEN all four shards are up, each process answering in the guilds of its own shards', async () => {
    for (const [k, guild] of fake.guildIds.entries()) {
      expect(ShardClientUtil.shardIdForGuildId(guild, 4)).toBe(k);
      expect((await ask(guild, 'who detained Levashov and where?')).content).toContain('[1]');
    }
    const identifies = fake.gatewayLog.filter((e) => e.kind === 'identify');
    expect(identifies.map((e) => (e.kind === 'identify' ? e.shard : null)).sort()).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
    ]);
    await expect
      .poll(() => [0, 1].map((k) => logs(k).filter((l) => l.msg === 'question').length))
      .toEqual([2, 2]);
  });

  it('GIVEN /kb reload in a guild on shard 3 THEN both shards of that process serve the new document; SIGHUP brings the other process up to date', async () => {
    await writeFile(join(dir, 'kelihos-takedown.md'), NEW_DOCUMENT);
    const sent = fake.sendInteraction({
      commandName: 'kb',
      guildId: fake.guildIds[3]!,
      permissions: MODERATOR_PERMISSIONS,
      options: [{ name: 'reload', type: ApplicationCommandOptionType.Subcommand, options: [] }],
    });
    const edit = await fake.waitForRequest(
      (r) => originalEditRoute(r) && r.path.includes(sent.token),
      20_000,
    );
    expect(payloadOf(edit).content).toContain('kelihos-takedown');

    // Shard 2 runs in the same process as shard 3: one knowledge base for both.
    expect((await ask(fake.guildIds[2]!, NEW_QUESTION)).content).toContain('CrowdStrike');
    // The other process has not reloaded: a reload reaches the shards of its own process only.
    expect((await ask(fake.guildIds[0]!, NEW_QUESTION)).content).not.toContain('CrowdStrike');

    bots[0]!.process.kill('SIGHUP');
    await expect
      .poll(() => logs(0).some((l) => l.msg === 'knowledge base reloaded'), { timeout: 20_000 })
      .toBe(true);
    expect((await ask(fake.guildIds[1]!, NEW_QUESTION)).content).toContain('CrowdStrike');
  });
});
