import { once } from 'node:events';
import {
  ApplicationCommandOptionType,
  Client,
  Events,
  GatewayIntentBits,
  InteractionResponseType,
  Partials,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestTo, startFakeDiscord, type FakeDiscord } from '../support/fake-discord/index.js';

const callbackRoute = requestTo('POST', '/interactions/:id/:token/callback');

interface Seen {
  inCachedGuild: boolean;
  query: string | null;
}

describe('fake Discord driving the real discord.js Client', () => {
  let fake: FakeDiscord;
  let client: Client;
  let seen: Seen[];
  let handlerErrors: unknown[];

  beforeEach(async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
    seen = [];
    handlerErrors = [];
    client = new Client({
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.DirectMessages,
        GatewayIntentBits.MessageContent,
      ],
      partials: [Partials.Channel],
      rest: { api: fake.apiUrl },
    });
    const failed = (e: unknown) => void handlerErrors.push(e);
    client.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== 'ping') return;
      seen.push({ inCachedGuild: interaction.inCachedGuild(), query: interaction.options.getString('q') });
      interaction.reply({ content: 'pong', allowedMentions: { parse: [] } }).catch(failed);
    });
    client.on(Events.MessageCreate, (message) => {
      if (message.author.bot) return;
      message.reply(`echo: ${message.content}`).catch(failed);
    });
    const ready = once(client, Events.ClientReady);
    await client.login(fake.token);
    await ready;
  });

  afterEach(async () => {
    await client.destroy();
    await fake.close();
    expect(handlerErrors).toEqual([]);
    expect(fake.requests.filter((r) => r.status === 404)).toEqual([]);
  });

  it('GIVEN a fresh login THEN the client identified once on shard [0,1] with its intents and cached the guild', () => {
    const identifies = fake.gatewayLog.filter((entry) => entry.kind === 'identify');
    expect(identifies).toMatchObject([{ shard: [0, 1], intents: client.options.intents.bitfield }]);
    expect(client.guilds.cache.get(fake.guildId)?.channels.cache.has(fake.channelId)).toBe(true);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v10/gateway/bot']);
  });

  it('GIVEN a guild slash command answered with reply() THEN the callback carries the content and allowed_mentions', async () => {
    const sent = fake.sendInteraction({
      commandName: 'ping',
      options: [{ name: 'q', type: ApplicationCommandOptionType.String, value: 'hello' }],
    });

    const callback = await fake.waitForRequest(callbackRoute);

    expect(callback.path).toBe(`/api/v10/interactions/${sent.id}/${sent.token}/callback`);
    expect(callback.status).toBe(204);
    expect(callback.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: 'pong', allowed_mentions: { parse: [] } },
    });
    expect(seen).toEqual([{ inCachedGuild: true, query: 'hello' }]);
  });

  it('GIVEN a DM from a user THEN messageCreate fires and message.reply() reaches the DM channel', async () => {
    const incoming = fake.sendMessage({ content: 'hello bot', dm: true });

    const reply = await fake.waitForRequest(requestTo('POST', '/channels/:channel/messages'));

    expect(reply.path).toBe(`/api/v10/channels/${incoming.channel_id}/messages`);
    expect(reply.authorized).toBe(true);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      content: 'echo: hello bot',
      message_reference: { message_id: incoming.id },
    });
  });

  it('GIVEN the gateway connection drops THEN the client resumes without re-identifying and still answers', async () => {
    const resumedEvent = once(client, Events.ShardResume);
    fake.dropConnection();

    await fake.waitForGateway((entry) => entry.kind === 'resumed');
    await resumedEvent;
    const sent = fake.sendInteraction({ commandName: 'ping' });
    const callback = await fake.waitForRequest(callbackRoute);

    expect(callback.path).toContain(sent.id);
    expect(callback.body).toMatchObject({ data: { content: 'pong' } });
    expect(fake.gatewayLog.filter((entry) => entry.kind === 'identify')).toHaveLength(1);
  });

  it('GIVEN the callback route fails with 500 then 429 THEN discord.js retries and the reply lands', async () => {
    fake.failNext(callbackRoute, [500, 429]);

    const sent = fake.sendInteraction({ commandName: 'ping' });
    const landed = await fake.waitForRequest((r) => callbackRoute(r) && r.status === 204);

    expect(landed.path).toContain(sent.id);
    expect(landed.body).toMatchObject({ data: { content: 'pong' } });
    const attempts = fake.requests.filter(callbackRoute).map((r) => [r.status, r.injected]);
    expect(attempts).toEqual([
      [500, true],
      [429, true],
      [204, false],
    ]);
  });
});
