import { InteractionResponseType, MessageFlags } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelMessageRoute, payloadOf, startHarness, type Harness } from './bot-harness.js';

const TITLE = "Russian programmer detained in Spain was 'King of Spam'";
const QUESTION = 'who detained Levashov and where?';

describe('E2E: questions reach the core and come back cited (cases 1-4)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
    expect(h.fake.requests.filter((r) => r.status === 404)).toEqual([]);
  });

  it('GIVEN /ask in a guild channel THEN the public answer quotes who asked what, then the answer with [n] markers and its sources', async () => {
    const callback = await h.ask(QUESTION);

    expect(callback.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource });
    const data = payloadOf(callback);
    const [quote, ...answer] = data.content.split('\n');
    expect(quote).toBe(`> <@${h.fake.user.id}> asked: ${QUESTION}`);
    expect(answer.join('\n')).toMatch(/Levashov.*\[1\]/);
    expect(data.flags ?? 0).toBe(0);
    expect(data.embeds[0].title).toBe('Sources');
    expect(data.embeds[0].description).toMatch(
      /^\*\*\[1\]\*\* \*\*Russian programmer detained in Spain was 'King of Spam'\*\* · ¶\d+/,
    );
    // 👍 👎, Show the paragraph, More sources, Ask a follow-up
    expect(
      data.components[0].components.map((b: { custom_id: string }) => b.custom_id.split(':')[0]),
    ).toEqual(['vote', 'vote', 'para', 'more', 'follow']);
    const line = await h.waitForLog({ msg: 'question', command: 'ask', userId: h.fake.user.id });
    expect(line).toMatchObject({ answered: true, outcome: 'answered', latencyMs: expect.any(Number) });
  });

  it('GIVEN /ask with private:true THEN the answer is ephemeral', async () => {
    const callback = await h.ask(QUESTION, { private: true });

    expect(payloadOf(callback).flags).toBe(MessageFlags.Ephemeral);
    expect(payloadOf(callback).content).toContain('[1]');
  });

  it('GIVEN /ask in the bot DM THEN it is answered the same way', async () => {
    const callback = await h.ask(QUESTION, { dm: true });

    expect(payloadOf(callback).content).toContain('[1]');
    expect(payloadOf(callback).embeds[0].description).toContain(TITLE);
  });

  it('GIVEN a plain DM message THEN the bot replies to it in the DM channel with the answer', async () => {
    const incoming = h.fake.sendMessage({ content: QUESTION, dm: true });

    const reply = await h.fake.waitForRequest(channelMessageRoute);

    expect(reply.path).toBe(`/api/v10/channels/${incoming.channel_id}/messages`);
    expect(reply.body).toMatchObject({ message_reference: { message_id: incoming.id } });
    expect(payloadOf(reply).content).toContain('[1]');
    expect(await h.waitForLog({ msg: 'question', command: 'dm' })).toMatchObject({ answered: true });
  });

  it('GIVEN a guild message mentioning the bot THEN the answer is a reply to that message; unmentioned ones are ignored', async () => {
    h.fake.sendMessage({ content: QUESTION });
    const incoming = h.fake.sendMessage({ content: QUESTION, mentionBot: true });

    const reply = await h.fake.waitForRequest(channelMessageRoute);

    expect(reply.path).toBe(`/api/v10/channels/${h.fake.channelId}/messages`);
    expect(reply.body).toMatchObject({ message_reference: { message_id: incoming.id } });
    expect(payloadOf(reply).content).toContain('[1]');
    expect(h.fake.requests.filter(channelMessageRoute)).toHaveLength(1);
  });

  it('GIVEN messages from bots, the bot itself included THEN nobody answers them', async () => {
    const otherBot = h.fake.world.addUser('other-bot', { bot: true });
    h.fake.sendMessage({ content: QUESTION, author: otherBot, mentionBot: true });
    h.fake.sendMessage({ content: QUESTION, author: h.fake.world.botUser, dm: true });
    const human = h.fake.sendMessage({ content: QUESTION, mentionBot: true });

    const reply = await h.fake.waitForRequest(channelMessageRoute);

    expect(reply.body).toMatchObject({ message_reference: { message_id: human.id } });
    expect(h.fake.requests.filter(channelMessageRoute)).toHaveLength(1);
  });

  it('GIVEN questions quoting @everyone, @here, a role and a user THEN every payload pings nobody', async () => {
    const loud = `@everyone @here <@&${'1'.repeat(18)}> <@${h.fake.user.id}> who detained Levashov?`;

    const callback = await h.ask(loud);
    h.fake.sendMessage({ content: loud, mentionBot: true });
    const reply = await h.fake.waitForRequest(channelMessageRoute);
    h.fake.sendMessage({ content: loud, dm: true });
    const dmReply = await h.fake.waitForRequest(channelMessageRoute);

    expect(payloadOf(callback).allowed_mentions).toEqual({ parse: [] });
    // A reply may notify its asker (replied_user), never anyone else.
    expect(payloadOf(reply).allowed_mentions).toEqual({ parse: [], replied_user: true });
    expect(payloadOf(dmReply).allowed_mentions.parse).toEqual([]);
  });
});
