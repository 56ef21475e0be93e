import { ApplicationCommandOptionType } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callbackRoute, startHarness, type Harness } from './bot-harness.js';

const QUESTION = 'who detained Levashov in Barcelona, asks a member who would rather stay private?';

describe('E2E: error logs keep interaction tokens and request bodies out (issue 8 item 8)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('GIVEN Discord rejects a reply THEN the logged error names the route but not the token or the answer', async () => {
    h.fake.failNext(callbackRoute, [400]);

    const sent = h.fake.sendInteraction({
      commandName: 'ask',
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: QUESTION }],
    });
    const failure = await h.waitForLog({ msg: 'interaction failed' });

    const logged = JSON.stringify(h.logs);
    // The error is still useful: which call failed and how.
    expect(JSON.stringify(failure.err)).toMatch(/interactions\/\d+\/\[redacted\]\/callback/);
    expect(JSON.stringify(failure.err)).toContain('Injected failure');
    expect(logged).not.toContain(sent.token);
    expect(logged).not.toContain(sent.token.replace('itok.', ''));
    // The body of the failed request held the answer and its sources.
    expect(logged).not.toContain('Barcelona');
    expect(logged).not.toContain('Levashov');
  });
});
