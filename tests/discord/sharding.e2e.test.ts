import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationCommandOptionType, InteractionResponseType, ShardClientUtil } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord/index.js';
import { MODERATOR_PERMISSIONS, callbackRoute, originalEditRoute, payloadOf } from './bot-harness.js';

const QUESTION = 'who detained Levashov and where?';
const NEW_DOCUMENT = `---
title: Kelihos takedown timeline
---
The Kelihos botnet was dismantled by the FBI with help from CrowdStrike in April 2017.
`;
/** Starting two tsx processes after the manager (each spawn ≥ 2.75 s apart) takes a few seconds. */
const START_MS = 40_000;

interface LogLine {
  msg: string;
  shard?: number;
  shardId?: number;
  pid?: number;
  [key: string]: unknown;
}

/**
 * `npm start` with SHARDS=auto, from source, against a fake Discord whose /gateway/bot says 2 shards.
 * The steps share one manager and its two shard processes, so they run in order.
 */
describe('E2E: SHARDS=auto runs one process per shard; /kb reload on one reloads all (sharding)', () => {
  let fake: FakeDiscord;
  let dir: string;
  let manager: ChildProcess;
  let stderr = '';
  const logs = (): LogLine[] =>
    stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: 2, guildCount: 2 });
    dir = await mkdtemp(join(tmpdir(), 'casefile-shards-'));
    await cp('knowledge/king-of-spam.md', join(dir, 'king-of-spam.md'));
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_') && !k.startsWith('SHARD')),
    );
    manager = spawn(process.execPath, ['--import', 'tsx', 'src/discord/main.ts'], {
      env: {
        ...inherited,
        SHARDS: 'auto',
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        KNOWLEDGE_DIR: dir,
        KB_GUILD_IDS: fake.guildIds.join(','),
        DATA_DIR: join(dir, '.data'),
        // info, for the shard pids and which shard logged each question.
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    manager.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const identified = (id: number) =>
      fake.waitForGateway((e) => e.kind === 'identify' && e.shard[0] === id && e.shard[1] === 2, START_MS);
    await Promise.all([identified(0), identified(1)]).catch((error: unknown) => {
      throw new Error(`${String(error)}\nmanager stderr:\n${stderr}`);
    });
  }, START_MS + 5_000);

  afterAll(async () => {
    if (manager.exitCode === null && manager.signalCode === null) {
      const exited = once(manager, 'exit');
      manager.kill('SIGKILL');
      await exited;
    }
    await fake?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function ask(guildId: string, question = QUESTION) {
    const sent = fake.sendInteraction({
      commandName: 'ask',
      guildId,
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }],
    });
    return payloadOf(
      await fake.waitForRequest(
        (r) => callbackRoute(r) && r.path.includes(sent.id) && r.status === 204,
        10_000,
      ),
    );
  }

  it('GIVEN /gateway/bot says 2 shards THEN two shard processes each answer /ask in their own guild', async () => {
    const [guild0, guild1] = fake.guildIds as [string, string];
    expect(ShardClientUtil.shardIdForGuildId(guild0, 2)).toBe(0);
    expect(ShardClientUtil.shardIdForGuildId(guild1, 2)).toBe(1);

    expect((await ask(guild0)).content).toContain('[1]');
    expect((await ask(guild1)).content).toContain('[1]');

    const pids = logs()
      .filter((l) => l.msg === 'shard process started')
      .map((l) => l.pid);
    expect(new Set([...pids, manager.pid]).size).toBe(3);
    await expect
      .poll(() =>
        logs()
          .filter((l) => l.msg === 'question')
          .map((l) => l.shard),
      )
      .toEqual([0, 1]);
  });

  it('GIVEN a new document and /kb reload from a moderator on shard 1 THEN both shards report it and shard 0 cites it', async () => {
    await writeFile(join(dir, 'kelihos-takedown.md'), NEW_DOCUMENT);
    const sent = fake.sendInteraction({
      commandName: 'kb',
      guildId: fake.guildIds[1]!,
      permissions: MODERATOR_PERMISSIONS,
      options: [{ name: 'reload', type: ApplicationCommandOptionType.Subcommand, options: [] }],
    });

    const deferred = await fake.waitForRequest((r) => callbackRoute(r) && r.path.includes(sent.id));
    expect(deferred.body).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    const edit = await fake.waitForRequest(
      (r) => originalEditRoute(r) && r.path.includes(sent.token),
      // Each shard reloads on a worker thread, which from TypeScript sources (tsx) compiles its modules
      // first: seconds on a busy machine.
      30_000,
    );
    const content = payloadOf(edit).content as string;

    expect(content).toContain('✅ Reloaded on all 2 shards.');
    expect(content).toMatch(/• shard 0: ✅ 2 documents, \d+ passages in \d+ ms/);
    expect(content).toMatch(/• shard 1: ✅ 2 documents, \d+ passages in \d+ ms/);
    expect(content).toContain('Added: Kelihos takedown timeline (`kelihos-takedown`, 1 passage)');
    const answer = await ask(fake.guildIds[0]!, 'who helped the FBI dismantle the Kelihos botnet?');
    expect(answer.content).toContain('CrowdStrike');
  }, 45_000);

  it('GIVEN SIGTERM THEN the manager stops both shards, which close their sessions, and no process is left', async () => {
    const pids = logs()
      .filter((l) => l.msg === 'shard process started')
      .map((l) => l.pid!);
    const exited = once(manager, 'exit');
    manager.kill('SIGTERM');

    expect(await exited).toEqual([0, null]);
    const closed = fake.gatewayLog.filter((e) => e.kind === 'closed' && e.code === 1000);
    expect(closed.map((e) => (e.kind === 'closed' ? e.shardId : null)).sort()).toEqual([0, 1]);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });
});
