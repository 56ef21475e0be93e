import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  Locale,
  MessageFlags,
  type APIMessage,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { AskRecord, FeedbackStore } from '../../src/feedback/store.js';
import { requestTo, type SentInteraction } from '../support/fake-discord/index.js';
import { INITIAL_RESPONSE_MS } from '../support/fake-discord/routes/interactions.js';
import { callbackRoute, channelMessageRoute, payloadOf, startHarness, type Harness } from './bot-harness.js';

const TWO_PEOPLE = 'tests/fixtures/knowledge-two-people';

/** Keeps what the bot records, so tests can see each question and vote arrive. */
function recordingStore() {
  const asks: AskRecord[] = [];
  const votes: { askId: string; userId: string; vote: string }[] = [];
  const store: FeedbackStore = {
    recordAsk: (r) => void asks.push(r),
    recordVote: (askId, userId, vote) => void votes.push({ askId, userId, vote }),
    close: () => undefined,
  };
  return { store, asks, votes };
}

describe('E2E: answers members can read, click and follow up (issue 9)', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
    expect(h.fake.requests.filter((r) => r.status >= 400)).toEqual([]);
  });

  /** Runs /ask and returns the public message Discord now shows for it. */
  async function askPublicly(question: string, extra: Record<string, unknown> = {}): Promise<APIMessage> {
    const sent = h.fake.sendInteraction({
      commandName: 'ask',
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }],
      ...extra,
    });
    await callbackOf(sent);
    const original = h.fake.world.interactions.get(sent.token)?.original;
    if (!original) throw new Error('no public answer');
    return original;
  }

  const callbackOf = (sent: SentInteraction) =>
    h.fake.waitForRequest((r) => callbackRoute(r) && r.path.includes(sent.id));

  const buttonIds = (message: APIMessage): string[] =>
    (message.components ?? []).flatMap((row) =>
      'components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : [],
    );
  const button = (message: APIMessage, prefix: string) =>
    buttonIds(message).find((id) => id.startsWith(`${prefix}:`))!;

  it('GIVEN a public answer THEN each of its buttons gets its reply within 3 s: votes recorded, the paragraph, more sources, the follow-up modal', async () => {
    const feedback = recordingStore();
    h = await startHarness({}, { feedback: feedback.store });
    const answer = await askPublicly('who detained Levashov and where?');
    expect(answer.content.split('\n')[0]).toBe(
      `> <@${h.fake.user.id}> asked: who detained Levashov and where?`,
    );
    // Recorded after the reply is sent, just before the log line.
    await h.waitForLog({ msg: 'question', command: 'ask' });
    expect(feedback.asks).toEqual([
      expect.objectContaining({ userId: h.fake.user.id, guildId: h.fake.guildId, answered: true }),
    ]);
    const askId = feedback.asks[0]!.id;

    const replies: Record<string, Record<string, any>> = {};
    for (const prefix of ['vote', 'para', 'more', 'follow']) {
      const clicked = performance.now();
      const sent = h.fake.clickButton({ message: answer, customId: button(answer, prefix) });
      const callback = await callbackOf(sent);
      // The fake refuses (10062) a first response later than 3 s, as Discord does.
      expect(callback.status).toBe(204);
      expect(performance.now() - clicked).toBeLessThan(INITIAL_RESPONSE_MS);
      replies[prefix] = callback.body as Record<string, any>;
    }

    expect(feedback.votes).toEqual([{ askId, userId: h.fake.user.id, vote: 'up' }]);
    expect(replies.vote).toMatchObject({
      data: { flags: MessageFlags.Ephemeral, content: expect.stringContaining('helpful') },
    });
    expect(replies.para!.data.flags).toBe(MessageFlags.Ephemeral);
    // The cited sentence in bold inside its paragraph.
    expect(replies.para!.data.content).toMatch(/\*\*[^*]*Levashov[^*]*\*\*/);
    expect(replies.more!.data.flags).toBe(MessageFlags.Ephemeral);
    expect(replies.more!.data.content).toMatch(/\*\*\[\d+\]\*\*/);
    expect(replies.follow).toMatchObject({ type: InteractionResponseType.Modal });
    for (const reply of Object.values(replies))
      if (reply.data?.allowed_mentions) expect(reply.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN "who is Stanislav Lisov?" THEN a follow-up through the modal, "and when was he detained?", is answered about Lisov', async () => {
    h = await startHarness({}, { knowledgeFrom: TWO_PEOPLE });
    const answer = await askPublicly('who is Stanislav Lisov?');
    const opened = h.fake.clickButton({ message: answer, customId: button(answer, 'follow') });
    await callbackOf(opened);

    const submitted = h.fake.submitModal(opened, { question: 'and when was he detained?' });
    const callback = await callbackOf(submitted);

    const data = payloadOf(callback);
    expect(data.flags ?? 0).toBe(0);
    const lines = data.content.split('\n');
    expect(lines[0]).toBe(`> <@${h.fake.user.id}> asked: and when was he detained?`);
    expect(lines[1]).toBe('> ↳ answered as: and when was Stanislav Lisov detained?');
    expect(data.content).toContain('January 2017');
    expect(data.content).not.toContain('April');
  });

  it('GIVEN a reply to the bot’s answer THEN it is a follow-up: "he" is the previous subject', async () => {
    h = await startHarness({}, { knowledgeFrom: TWO_PEOPLE });
    const answer = await askPublicly('who is Pyotr Levashov?');

    const incoming = h.fake.sendMessage({ content: 'when was he detained?', replyTo: answer });
    const reply = await h.fake.waitForRequest(channelMessageRoute);

    expect(reply.body).toMatchObject({ message_reference: { message_id: incoming.id } });
    expect(payloadOf(reply).content).toContain('April 7, 2017');
    expect(payloadOf(reply).content).not.toContain('January');
    expect(payloadOf(reply).allowed_mentions).toEqual({ parse: [], replied_user: true });
  });

  it('GIVEN "Ask Casefile" on a member’s message THEN the answer is public and says whose message it was', async () => {
    h = await startHarness();
    const other = h.fake.addUser('bob');
    const target = h.fake.sendMessage({ content: 'who detained Levashov?', author: other });

    const sent = h.fake.sendMessageCommand({ commandName: 'Ask Casefile', target });
    const data = payloadOf(await callbackOf(sent));

    expect(data.flags ?? 0).toBe(0);
    expect(data.content.split('\n')[0]).toBe(
      `> <@${h.fake.user.id}> asked about <@${other.id}>’s message: who detained Levashov?`,
    );
    expect(data.content).toMatch(/Levashov.*\[1\]/);
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN /ask thread:true THEN the channel gets one line and the answer goes into a thread on it', async () => {
    h = await startHarness();
    const sent = h.fake.sendInteraction({
      commandName: 'ask',
      options: [
        { name: 'question', type: ApplicationCommandOptionType.String, value: 'who detained Levashov?' },
        { name: 'thread', type: ApplicationCommandOptionType.Boolean, value: true },
      ],
    });
    const callback = await callbackOf(sent);
    const start = await h.fake.waitForRequest(requestTo('POST', '/channels/:c/messages/:m/threads'));
    const inThread = await h.fake.waitForRequest(channelMessageRoute);

    expect(payloadOf(callback).content).toBe(`> <@${h.fake.user.id}> asked: who detained Levashov?`);
    const headline = h.fake.world.interactions.get(sent.token)!.original!;
    expect(start.path).toBe(`/api/v10/channels/${h.fake.channelId}/messages/${headline.id}/threads`);
    expect(start.body).toMatchObject({ name: 'who detained Levashov?' });
    expect(inThread.path).toBe(`/api/v10/channels/${headline.id}/messages`);
    expect(payloadOf(inThread).content).toMatch(/Levashov.*\[1\]/);
    expect(payloadOf(inThread).components).toHaveLength(1);
    expect(payloadOf(inThread).allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN a mention of the bot’s managed role THEN it is answered like a mention of the bot', async () => {
    h = await startHarness();
    const role = h.fake.world.guild().botRole.id;

    const incoming = h.fake.sendMessage({ content: 'who detained Levashov?', mentionRole: role });
    const reply = await h.fake.waitForRequest(channelMessageRoute);

    expect(reply.body).toMatchObject({ message_reference: { message_id: incoming.id } });
    expect(payloadOf(reply).content).toMatch(/Levashov.*\[1\]/);
  });

  it('GIVEN mentions inside a thread and inside a forum post THEN each is answered there', async () => {
    h = await startHarness();
    for (const thread of [h.fake.addThread(), h.fake.addThread({ forum: true })]) {
      h.fake.sendMessage({ content: 'who detained Levashov?', mentionBot: true, channelId: thread.id });
      const reply = await h.fake.waitForRequest(channelMessageRoute);
      expect(reply.path).toBe(`/api/v10/channels/${thread.id}/messages`);
      expect(payloadOf(reply).content).toContain('[1]');
    }
  });

  it('GIVEN MENTION_THREADS=on THEN a mention in a channel is answered in a thread on the member’s message', async () => {
    h = await startHarness({ MENTION_THREADS: 'on' });
    const incoming = h.fake.sendMessage({ content: 'who detained Levashov?', mentionBot: true });

    const start = await h.fake.waitForRequest(requestTo('POST', '/channels/:c/messages/:m/threads'));
    const inThread = await h.fake.waitForRequest(channelMessageRoute);

    expect(start.path).toBe(`/api/v10/channels/${h.fake.channelId}/messages/${incoming.id}/threads`);
    expect(inThread.path).toBe(`/api/v10/channels/${incoming.id}/messages`);
    expect(payloadOf(inThread).content).toContain('[1]');
  });

  it('GIVEN registered commands and a Spanish-speaking member THEN /help and an abstention link </ask:id>, in Spanish', async () => {
    h = await startHarness({}, { registerCommands: true });
    const askId = h.fake.world.commands.get('')!.find((c) => c.name === 'ask')!.id;

    const help = h.fake.sendInteraction({ commandName: 'help', locale: Locale.SpanishES });
    const helpText = payloadOf(await callbackOf(help)).content;
    const abstained = await askPublicly('who was the judge at the trial?', { locale: Locale.SpanishES });

    expect(helpText).toContain(`</ask:${askId}>`);
    expect(helpText).toContain('Preguntar a Casefile');
    expect(abstained.content.split('\n')[0]).toBe(
      `> <@${h.fake.user.id}> preguntó: who was the judge at the trial?`,
    );
    expect(abstained.content).toContain(`Preguntas que los documentos sí responden** (</ask:${askId}>):`);
    expect(abstained.content).toMatch(/\n• .+/);
    expect(buttonIds(abstained)).toHaveLength(4);
    const labels = (abstained.components![0] as { components: { label: string }[] }).components.map(
      (b) => b.label,
    );
    expect(labels).toEqual(['Útil', 'No útil', 'Más fuentes', 'Hacer otra pregunta']);
  });

  it('GIVEN a question built to render links, pings and invites THEN the public quote shows it inert, and nothing pings', async () => {
    h = await startHarness();
    const hostile = `[FBI](http://a.example) and [statement](http://b.example) <@${h.fake.user.id}> <@&1234567890123456789> @everyone discord.gg/x <t:1:R> Levashov?`;

    const answer = await askPublicly(hostile);
    const quote = answer.content.split('\n')[0]!.split(' asked: ')[1]!;

    expect(quote).not.toMatch(/\]\(/);
    expect(quote).not.toMatch(/(?<!\\)<[@#/t]/);
    expect(quote).not.toMatch(/(?<!\\)@everyone/);
    expect(quote).not.toMatch(/discord\.gg/);
    // What the reader sees is what was typed.
    expect(quote.replace(/\\([!-/:-@[-`{-~])/g, '$1')).toBe(hostile);
    const sent = h.fake.requests.filter(callbackRoute).map((r) => payloadOf(r));
    expect(sent.every((d) => JSON.stringify(d.allowed_mentions) === '{"parse":[]}')).toBe(true);
  });

  it('GIVEN a Russian-speaking member’s empty /ask THEN the private refusal is in Russian', async () => {
    h = await startHarness();
    const sent = h.fake.sendInteraction({
      commandName: 'ask',
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: '   ' }],
      locale: Locale.Russian,
    });
    const data = payloadOf(await callbackOf(sent));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toContain('Напишите вопрос');
  });

  it('GIVEN 20 mentions in 30 s from one member over the rate limit THEN at most one public message refuses them; the rest get a reaction', async () => {
    h = await startHarness({ RATE_LIMIT_COUNT: '1', RATE_LIMIT_WINDOW_SECONDS: '30' });
    const react = requestTo('PUT', '/channels/:c/messages/:m/reactions/:emoji/@me');
    const messages = Array.from({ length: 21 }, () =>
      h.fake.sendMessage({ content: 'who detained Levashov?', mentionBot: true }),
    );

    // One answer (the limit is 1), then 20 refusals: one written, nineteen reactions.
    for (let i = 0; i < 19; i++) await h.fake.waitForRequest(react, 10_000);
    const sent = h.fake.requests.filter(channelMessageRoute);
    expect(sent).toHaveLength(2);
    const refusals = sent.filter((r) => /asking quickly/.test(payloadOf(r).content));
    expect(refusals).toHaveLength(1);
    expect(h.fake.requests.filter(react)).toHaveLength(19);
    expect(messages).toHaveLength(21);
  });
});
