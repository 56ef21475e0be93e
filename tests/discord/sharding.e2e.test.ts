import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
const ADDED_DOCUMENT = `---
title: Waledac takedown
---
The Waledac botnet was taken down by Microsoft in February 2010.
`;
/** Starting two shard processes after the manager (each spawn ≥ 2.75 s apart) takes a few seconds. */
const START_MS = 40_000;

interface LogLine {
  msg: string;
  shard?: number;
  shardId?: number;
  pid?: number;
  [key: string]: unknown;
}

/**
 * `npm start` with SHARDS=auto (the compiled dist/) against a fake Discord whose /gateway/bot says 2 shards.
 * The steps share one manager and its two shard processes, so they run in order.
 */
describe('E2E: SHARDS=auto runs one process per shard; /kb reload or /kb add on one reloads all (sharding)', () => {
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
    manager = spawn(process.execPath, ['dist/discord/main.js'], {
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
    // Each shard logs from its own process into one pipe: under load shard 1's line can come first.
    await expect
      .poll(() =>
        logs()
          .filter((l) => l.msg === 'question')
          .map((l) => l.shard)
          .sort(),
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
      // Each shard reloads on a worker thread that loads its modules first: seconds on a busy machine.
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

  it('GIVEN /kb add on shard 1 and Confirm THEN the file is written once, both shards reload, and shard 0 cites it', async () => {
    const guild1 = fake.guildIds[1]!;
    const attachment = fake.addAttachment('waledac.md', ADDED_DOCUMENT);
    const sent = fake.sendInteraction({
      commandName: 'kb',
      guildId: guild1,
      permissions: MODERATOR_PERMISSIONS,
      options: [
        {
          name: 'add',
          type: ApplicationCommandOptionType.Subcommand,
          options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: attachment.id }],
        },
      ],
      resolved: { attachments: { [attachment.id]: attachment } },
    });
    // The dry run runs on a worker thread of the shard that got the command.
    const dryRun = await fake.waitForRequest(
      (r) => originalEditRoute(r) && r.path.includes(sent.token),
      30_000,
    );
    expect(payloadOf(dryRun).content).toContain('Dry run: adding `waledac.md`');
    expect(existsSync(join(dir, 'waledac.md'))).toBe(false);
    const message = fake.world.interactions.get(sent.token)!.original!;
    const confirm = (message.components ?? [])
      .flatMap((row) =>
        'components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : [],
      )
      .find((id) => id.startsWith('kb:ok:'))!;

    const click = fake.clickButton({
      message,
      customId: confirm,
      guildId: guild1,
      permissions: MODERATOR_PERMISSIONS,
    });
    const done = await fake.waitForRequest(
      (r) => originalEditRoute(r) && r.path.includes(click.token),
      30_000,
    );
    const content = payloadOf(done).content as string;

    expect(content).toContain('✅ Added `waledac.md`.');
    expect(content).toContain('✅ Reloaded on all 2 shards.');
    expect(content).toMatch(/• shard 0: ✅ 3 documents, \d+ passages in \d+ ms/);
    expect(content).toMatch(/• shard 1: ✅ 3 documents, \d+ passages in \d+ ms/);
    expect(await readFile(join(dir, 'waledac.md'), 'utf8')).toBe(ADDED_DOCUMENT);
    const answer = await ask(fake.guildIds[0]!, 'who took down the Waledac botnet?');
    expect(answer.content).toContain('Microsoft');
  }, 75_000);

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
