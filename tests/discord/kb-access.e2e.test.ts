import { MessageFlags } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MODERATOR_PERMISSIONS,
  callbackRoute,
  originalEditRoute,
  payloadOf,
  startHarness,
  type Harness,
} from './bot-harness.js';

/** Two servers share one bot; KB_GUILD_IDS says which one's moderators control the case file. */
/** Generous: each step is a round trip through the bot, slow when the machine is busy. */
const WAIT_MS = 15_000;

describe('E2E: whose case file it is (KB_GUILD_IDS)', { timeout: 60_000 }, () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  }, 60_000);

  async function kb(sub: string, guildId: string, user = h.fake.user) {
    const sent = h.fake.sendInteraction({
      commandName: 'kb',
      guildId,
      user,
      permissions: MODERATOR_PERMISSIONS,
      options: [{ name: sub, type: 1, options: [] }],
    });
    const callback = await h.fake.waitForRequest(
      (r) => callbackRoute(r) && r.path.includes(sent.id),
      WAIT_MS,
    );
    if (payloadOf(callback).content !== undefined) return payloadOf(callback);
    const edit = await h.fake.waitForRequest(
      (r) => originalEditRoute(r) && r.path.includes(sent.token),
      10_000,
    );
    return payloadOf(edit);
  }

  it('GIVEN an admin of a server not in KB_GUILD_IDS THEN every /kb is refused with the reason and nothing reloads', async () => {
    h = await startHarness({}, { guildCount: 2 });
    const [, foreign] = h.fake.guildIds;

    for (const sub of ['reload', 'status']) {
      const reply = await kb(sub, foreign!);
      expect(reply.flags).toBe(MessageFlags.Ephemeral);
      expect(reply.content).toMatch(/This server does not control the case file/);
      // Which server does is the operator's business, not this server's.
      expect(reply.content).not.toContain(h.fake.guildId);
    }
    expect(h.knowledge.status().lastReload?.by).toBe('test');
  });

  it('GIVEN no KB_GUILD_IDS and no DISCORD_GUILD_ID THEN /kb says how the operator can give it to this server', async () => {
    h = await startHarness({ KB_GUILD_IDS: '' });

    const reply = await kb('reload', h.fake.guildId);

    expect(reply.content).toContain(`KB_GUILD_IDS=${h.fake.guildId}`);
    expect(h.knowledge.status().lastReload?.by).toBe('test');
  });

  it('GIVEN two controlling servers THEN /kb status in one never shows who reloaded in the other', async () => {
    h = await startHarness((fake) => ({ KB_GUILD_IDS: fake.guildIds.join(',') }), { guildCount: 2 });
    const [home, other] = h.fake.guildIds as [string, string];
    const bob = h.fake.addUser('bob');

    expect((await kb('reload', other, bob)).content).toMatch(/Reloaded/);
    const seenHere = (await kb('status', home)).content as string;
    const seenThere = (await kb('status', other, bob)).content as string;

    expect(seenHere).toContain('by a moderator of another server');
    expect(seenHere).not.toContain('bob');
    expect(seenHere).not.toContain(bob.id);
    expect(seenThere).toContain(`by bob (${bob.id})`);
  });
});
