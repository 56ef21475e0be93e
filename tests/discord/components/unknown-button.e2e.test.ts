import { ButtonStyle, ComponentType, InteractionResponseType, MessageFlags } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessage } from '../../support/fake-discord/messages.js';
import { callbackRoute, payloadOf, startHarness, type Harness } from '../bot-harness.js';

describe('E2E: buttons are routed by custom_id prefix', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('GIVEN a click on a button whose prefix no handler owns THEN the member gets an ephemeral note, not "interaction failed"', async () => {
    const message = createMessage(h.fake.world, {
      channelId: h.fake.channelId,
      author: h.fake.world.botUser,
      body: {
        content: 'old message',
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Old', custom_id: 'gone:1' },
            ],
          },
        ],
      },
    });

    const sent = h.fake.clickButton({ message, customId: 'gone:1' });
    const callback = await h.fake.waitForRequest((r) => callbackRoute(r) && r.path.includes(sent.id));

    expect(callback.status).toBe(204);
    expect(callback.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource });
    expect(payloadOf(callback).flags).toBe(MessageFlags.Ephemeral);
    expect(payloadOf(callback).allowed_mentions).toEqual({ parse: [] });
    await h.waitForLog({ msg: 'no handler for this custom_id', customId: 'gone:1' });
  });
});
