import { InteractionResponseType, MessageFlags } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MODERATOR_PERMISSIONS,
  callbackRoute,
  originalEditRoute,
  payloadOf,
  startHarness,
  type Harness,
} from './bot-harness.js';

const NEW_DOCUMENT = `---
title: Kelihos takedown timeline
url: https://example.org/kelihos_(timeline)
---
The Kelihos botnet was dismantled by the FBI with help from CrowdStrike in April 2017.
`;
const BROKEN_DOCUMENT = `---
title: [unclosed
---
Text.
`;

describe('E2E: /kb reload and /kb status (case 5)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  /** Sends /kb <sub> and resolves with what the member finally reads (callback or deferred edit). */
  async function kb(sub: 'reload' | 'status', permissions?: string) {
    const sent = h.fake.sendInteraction({
      commandName: 'kb',
      options: [{ name: sub, type: 1, options: [] }],
      ...(permissions ? { permissions } : {}),
    });
    const callback = await h.fake.waitForRequest((r) => callbackRoute(r) && r.path.includes(sent.id));
    if ((callback.body as { type: number }).type !== InteractionResponseType.DeferredChannelMessageWithSource)
      return { callback, content: payloadOf(callback).content as string };
    const edit = await h.fake.waitForRequest(
      (r) => originalEditRoute(r) && r.path.includes(sent.token),
      10_000,
    );
    return { callback, content: payloadOf(edit).content as string };
  }

  it('GIVEN a member without Manage Server THEN /kb reload is refused ephemerally and nothing reloads', async () => {
    const { callback, content } = await kb('reload');

    expect(payloadOf(callback).flags).toBe(MessageFlags.Ephemeral);
    expect(content).toMatch(/Only moderators/);
    expect(h.knowledge.status().lastReload?.by).toBe('test');
  });

  it('GIVEN a moderator and a new document THEN reload reports it and the next /ask cites it', async () => {
    await h.writeDocument('kelihos-takedown.md', NEW_DOCUMENT);

    const { callback, content } = await kb('reload', MODERATOR_PERMISSIONS);

    expect(callback.body).toMatchObject({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(content).toMatch(/Reloaded in \d+ ms: \*\*2\*\* documents/);
    // By title and size, not only the id.
    expect(content).toContain('Added: Kelihos takedown timeline (`kelihos-takedown`, 1 passage)');
    expect(content).toContain('Removed: none');
    const answer = payloadOf(await h.ask('who helped the FBI dismantle the Kelihos botnet?'));
    expect(answer.content).toContain('CrowdStrike');
    // The title links to the document; the ")" in the URL is encoded so the Markdown link stays whole.
    expect(answer.embeds[0].description).toContain(
      '[Kelihos takedown timeline](https://example.org/kelihos_%28timeline%29)',
    );
  });

  it('GIVEN a broken file THEN reload lists its errors and the old knowledge base keeps answering', async () => {
    await h.writeDocument('broken.md', BROKEN_DOCUMENT);

    const { content } = await kb('reload', MODERATOR_PERMISSIONS);

    expect(content).toMatch(/Reload failed after \d+ ms with 1 error/);
    expect(content).toContain('Still serving the previous knowledge base (1 documents');
    expect(content).toMatch(/broken\.md:\d+: /);
    expect(payloadOf(await h.ask('who detained Levashov and where?')).content).toContain('[1]');
    const status = await kb('status', MODERATOR_PERMISSIONS);
    expect(status.content).toContain('**1** documents');
    expect(status.content).toMatch(/Last reload <t:\d+:R> by alice \(\d+\): failed with 1 error/);
  });

  it('GIVEN /kb in a DM THEN it is refused (the command is guild-only twice over)', async () => {
    const sent = h.fake.sendInteraction({
      commandName: 'kb',
      dm: true,
      options: [{ name: 'status', type: 1, options: [] }],
    });
    const callback = await h.fake.waitForRequest((r) => callbackRoute(r) && r.path.includes(sent.id));
    expect(payloadOf(callback).content).toMatch(/works only in the server whose moderators control/);
  });
});
