import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationCommandOptionType, type APIMessage } from 'discord.js';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openFeedbackStore, FEEDBACK_DB } from '../../src/feedback/sqlite-store.js';
import { startFakeDiscord, type FakeDiscord, type SentInteraction } from '../support/fake-discord/index.js';
import { MODERATOR_PERMISSIONS, askAndWait, callbackRoute, payloadOf } from './bot-harness.js';
import { spawnBot, type BotProcess } from './bot-process.js';

const START_MS = 30_000;
const VOTERS = 400;
/** Kill once this many votes were acknowledged, while the rest are still arriving. */
const KILL_AFTER = 60;

describe('E2E: kill -9 in the middle of a burst of votes (issue 9 item 5)', () => {
  let fake: FakeDiscord;
  let dataDir: string;
  let bot: BotProcess | undefined;
  beforeEach(async () => {
    fake = await startFakeDiscord();
    dataDir = await mkdtemp(join(tmpdir(), 'casefile-kill-'));
  }, 30_000);
  afterEach(async () => {
    await bot?.kill();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  const started = async () => {
    const b = await spawnBot(fake, { DATA_DIR: dataDir });
    await fake
      .waitForGateway((e) => e.kind === 'identify', START_MS)
      .catch((error: unknown) => {
        throw new Error(`${String(error)}\nbot stderr:\n${b.stderr()}`);
      });
    return b;
  };

  it('GIVEN SIGKILL mid-burst THEN every acknowledged vote is in the database and the next start opens it', async () => {
    bot = await started();
    const asked = await askAndWait(fake, 'who detained Levashov and where?');
    // The question is recorded right after the reply, before its log line.
    await vi.waitFor(() => expect(bot!.logs().some((l) => l.msg === 'question')).toBe(true), {
      timeout: 10_000,
    });
    const answer: APIMessage = fake.world.interactions.get(asked.token)!.original!;
    const down = (answer.components ?? [])
      .flatMap((row) =>
        'components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : [],
      )
      .find((id) => id.startsWith('vote:') && id.endsWith(':down'))!;

    const acked: string[] = [];
    const sent = new Map<string, string>();
    const voters = Array.from({ length: VOTERS }, (_, i) => fake.addUser(`voter${i}`));
    let killed = false;
    const burst = (async () => {
      // Clicks keep coming after the kill, as they would from members who don't know the bot died: on a
      // fast machine every click sent before the kill may already be answered, and "mid-burst" needs
      // some that never are.
      for (const voter of voters) {
        let click: SentInteraction;
        try {
          click = fake.clickButton({ message: answer, customId: down, user: voter });
        } catch {
          break; // the gateway session died with the process
        }
        sent.set(click.id, voter.id);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    // A vote counts as acknowledged when the member was told (the fake got the reply).
    const listener = setInterval(() => {
      for (const r of fake.requests) {
        const id = /\/interactions\/(\d+)\//.exec(r.path)?.[1];
        const voter = id ? sent.get(id) : undefined;
        if (voter && r.status === 204 && !acked.includes(voter)) acked.push(voter);
      }
      if (!killed && acked.length >= KILL_AFTER) {
        killed = true;
        bot!.child.kill('SIGKILL');
      }
    }, 1);
    expect(await bot.exited()).toBe('SIGKILL');
    clearInterval(listener);
    await burst;
    for (const r of fake.requests) {
      const id = /\/interactions\/(\d+)\//.exec(r.path)?.[1];
      const voter = id ? sent.get(id) : undefined;
      if (voter && r.status === 204 && !acked.includes(voter)) acked.push(voter);
    }
    // Mid-burst: some clicks were still unanswered when the process died.
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(sent.size).toBeGreaterThan(acked.length);

    // What a fresh process finds on disk, through the store's own hashing.
    const reopened = openFeedbackStore(dataDir);
    if (!reopened.ok) throw new Error(reopened.error);
    expect(reopened.recreated).toBeUndefined();
    const db = new Database(join(dataDir, FEEDBACK_DB), { readonly: true });
    const stored = new Set(
      (db.prepare("SELECT user_hash FROM votes WHERE vote = 'down'").all() as { user_hash: string }[]).map(
        (row) => row.user_hash,
      ),
    );
    db.close();
    const lost = acked.filter((voter) => !stored.has(reopened.store.userHash(voter)));
    reopened.store.close();
    expect(lost).toEqual([]);

    // The next start opens the same database and the moderators see the votes.
    await bot.kill();
    bot = await started();
    await vi.waitFor(() => expect(bot!.logs().some((l) => l.msg === 'feedback database opened')).toBe(true));
    expect(bot.logs().some((l) => /recreated|cannot open/.test(l.msg))).toBe(false);
    const gaps = fake.sendInteraction({
      commandName: 'kb',
      permissions: MODERATOR_PERMISSIONS,
      options: [{ name: 'gaps', type: ApplicationCommandOptionType.Subcommand, options: [] }],
    });
    const reply = payloadOf(
      await fake.waitForRequest((r) => callbackRoute(r) && r.path.includes(gaps.id), 10_000),
    );
    const count = Number(/asked 1×, (\d+) 👎/.exec(reply.content as string)?.[1]);
    expect(count).toBeGreaterThanOrEqual(acked.length);
  }, 150_000);
});
