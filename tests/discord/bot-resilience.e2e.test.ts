import { once } from 'node:events';
import { Events, InteractionResponseType, MessageFlags } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_QUESTION_CHARS, QUESTION_PROBLEM_TEXT } from '../../src/core/index.js';
import { callbackRoute, channelMessageRoute, payloadOf, startHarness, type Harness } from './bot-harness.js';

const QUESTION = 'who detained Levashov and where?';

describe('E2E: autocomplete, bad input, failures and reconnects (cases 6-8)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ RATE_LIMIT_COUNT: '3', RATE_LIMIT_WINDOW_SECONDS: '30' });
  });
  afterEach(async () => {
    await h.close();
  });

  it('GIVEN a partly typed question THEN autocomplete offers ≤ 25 answerable questions of ≤ 100 characters', async () => {
    const sent = h.fake.sendAutocomplete({
      commandName: 'ask',
      focused: { name: 'question', value: 'levashov' },
    });

    const callback = await h.fake.waitForRequest((r) => callbackRoute(r) && r.path.includes(sent.id));

    expect(callback.body).toMatchObject({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
    });
    const choices = (callback.body as { data: { choices: { name: string; value: string }[] } }).data.choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
      expect(c.name.toLowerCase()).toContain('levashov');
    }
  });

  it.each([
    ['empty', '   '],
    ['too-long', 'why '.repeat(MAX_QUESTION_CHARS)],
    ['control-characters', 'who\u0007 is Levashov?'],
  ] as const)(
    'GIVEN a %s question THEN a short ephemeral explanation comes back',
    async (problem, question) => {
      const callback = await h.ask(question);

      expect(payloadOf(callback)).toMatchObject({
        content: QUESTION_PROBLEM_TEXT[problem],
        flags: MessageFlags.Ephemeral,
      });
    },
  );

  it('GIVEN more questions than the rate limit allows THEN the extra one is refused politely and ephemerally', async () => {
    for (let i = 0; i < 3; i++) expect(payloadOf(await h.ask(QUESTION)).content).toContain('[1]');

    const refused = payloadOf(await h.ask(QUESTION));

    expect(refused).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(refused.content).toMatch(/please wait \d+ s/);
    expect(await h.waitForLog({ msg: 'question', outcome: 'rate-limited' })).toMatchObject({
      answered: false,
    });
  });

  it('GIVEN a handler that throws THEN the user gets "something went wrong (ref …)" and the log has the same ref', async () => {
    vi.spyOn(h.knowledge, 'current').mockImplementationOnce(() => {
      throw new Error('boom');
    });

    const data = payloadOf(await h.ask(QUESTION));

    const ref = /ref `([0-9a-f]+)`/.exec(data.content)?.[1];
    expect(ref).toBeDefined();
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(await h.waitForLog({ msg: 'interaction failed', ref })).toMatchObject({
      err: { message: 'boom' },
    });
    expect(payloadOf(await h.ask(QUESTION)).content).toContain('[1]');
  });

  it('GIVEN the gateway connection drops THEN the client resumes and the next /ask is answered', async () => {
    const resumed = once(h.bot.client, Events.ShardResume);
    h.fake.dropConnection();
    await h.fake.waitForGateway((entry) => entry.kind === 'resumed');
    await resumed;

    expect(payloadOf(await h.ask(QUESTION)).content).toContain('[1]');
    expect(h.fake.gatewayLog.filter((entry) => entry.kind === 'identify')).toHaveLength(1);
  });

  it('GIVEN heartbeats stop being acked THEN the client treats the link as a zombie, resumes, and keeps answering', async () => {
    h.fake.setHeartbeatAck(false);
    await h.fake.waitForGateway((entry) => entry.kind === 'resumed', 10_000);
    h.fake.setHeartbeatAck(true);

    expect(payloadOf(await h.ask(QUESTION)).content).toContain('[1]');
  });

  it('GIVEN the reply fails with 500 then 429 THEN discord.js retries and the answer lands', async () => {
    h.fake.failNext(callbackRoute, [500, 429]);

    const landed = await h.ask(QUESTION);

    expect(payloadOf(landed).content).toContain('[1]');
    expect(h.fake.requests.filter(callbackRoute).map((r) => r.status)).toEqual([500, 429, 204]);
  });

  it('GIVEN a DM reply that keeps failing with 500 THEN the error is logged with a ref and the bot keeps serving', async () => {
    // discord.js tries a 5xx four times (one try and three retries) before giving up.
    h.fake.failNext(channelMessageRoute, [500, 500, 500, 500]);
    h.fake.sendMessage({ content: QUESTION, dm: true });
    const apology = await h.fake.waitForRequest((r) => channelMessageRoute(r) && r.status === 200, 10_000);
    expect(payloadOf(apology).content).toMatch(/Something went wrong .*ref `[0-9a-f]+`/);
    expect(await h.waitForLog({ msg: 'message handling failed' })).toMatchObject({ ref: expect.any(String) });

    h.fake.sendMessage({ content: QUESTION, dm: true });
    const next = await h.fake.waitForRequest((r) => channelMessageRoute(r) && r.status === 200);
    expect(payloadOf(next).content).toContain('[1]');
  });

  it('GIVEN an interaction whose callback is refused as expired THEN the failure is logged and the process serves on', async () => {
    h.fake.failNext(callbackRoute, [404, 404]);

    h.fake.sendInteraction({
      commandName: 'ask',
      options: [{ name: 'question', type: 3, value: QUESTION }],
    });
    await h.waitForLog({ msg: 'could not tell the user about the failure' });

    expect(payloadOf(await h.ask(QUESTION)).content).toContain('[1]');
  });
});
