import { describe, expect, it } from 'vitest';
import {
  ComponentRouter,
  customId,
  parseCustomId,
  type ComponentHandler,
  type ComponentInteraction,
} from '../../../src/discord/components/index.js';
import type { BotContext } from '../../../src/discord/context.js';

const context = {} as BotContext;
const click = (id: string) => ({ customId: id }) as ComponentInteraction;

function recording(prefix: string, seen: string[][]): ComponentHandler {
  return {
    prefix,
    handle: async (_interaction, args) => void seen.push([prefix, ...args]),
  };
}

describe('component router', () => {
  it('GIVEN handlers for two prefixes THEN each custom_id reaches the handler of its prefix with its args', async () => {
    const seen: string[][] = [];
    const router = new ComponentRouter([recording('vote', seen), recording('kb', seen)]);

    expect(await router.route(click('vote:abc123:up'), context)).toBe(true);
    expect(await router.route(click('kb:confirm:77'), context)).toBe(true);
    expect(await router.route(click('kb'), context)).toBe(true);

    expect(seen).toEqual([['vote', 'abc123', 'up'], ['kb', 'confirm', '77'], ['kb']]);
  });

  it('GIVEN an unknown prefix, or a prefix that only starts like a known one THEN nothing runs', async () => {
    const seen: string[][] = [];
    const router = new ComponentRouter([recording('kb', seen)]);

    expect(await router.route(click('kbx:1'), context)).toBe(false);
    expect(await router.route(click('other:kb'), context)).toBe(false);
    expect(seen).toEqual([]);
  });

  it('GIVEN a prefix registered twice THEN registering fails loudly', () => {
    const router = new ComponentRouter([recording('kb', [])]);
    expect(() => router.register(recording('kb', []))).toThrow(/twice/);
    expect(() => router.register(recording('a:b', []))).toThrow(/prefix/);
  });

  it('GIVEN parts THEN customId round-trips through parseCustomId and refuses what would not', () => {
    expect(parseCustomId(customId('vote', 'x1', 'down'))).toEqual({ prefix: 'vote', args: ['x1', 'down'] });
    expect(() => customId('vote', 'a:b')).toThrow(/contains/);
    expect(() => customId('vote', 'x'.repeat(100))).toThrow(/longer/);
  });
});
