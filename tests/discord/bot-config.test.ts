import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isShardProcess, parseBotConfig } from '../../src/config/bot-config.js';
import { parseCoreConfig } from '../../src/config/core-config.js';

const VALID = { DISCORD_TOKEN: 'token', DISCORD_APPLICATION_ID: '123456789012345678' };

describe('parseBotConfig', () => {
  it('GIVEN only the token and application id THEN the rest takes its defaults', () => {
    // The core's own settings (tested with the core) take the core's defaults.
    const core = parseCoreConfig({});
    expect(core.ok).toBe(true);
    expect(parseBotConfig(VALID)).toEqual({
      ok: true,
      value: {
        ...(core.ok ? core.value : {}),
        ...VALID,
        KNOWLEDGE_DIR: 'knowledge',
        MAX_FILE_BYTES: 5 * 1024 * 1024,
        MODERATOR_ROLE_IDS: [],
        // No server controls the case file until the operator names one.
        KB_GUILD_IDS: [],
        // Beside the knowledge folder, never inside it.
        DATA_DIR: resolve('knowledge-data'),
        RATE_LIMIT_COUNT: 5,
        RATE_LIMIT_WINDOW_SECONDS: 30,
        RELOAD_TIMEOUT_SECONDS: 120,
        LOG_LEVEL: 'info',
        MENTION_THREADS: false,
        USER_INSTALL: true,
      },
    });
  });

  it('GIVEN DISCORD_GUILD_ID THEN that server controls the case file unless KB_GUILD_IDS says otherwise', () => {
    const guild = '223456789012345678';
    expect(parseBotConfig({ ...VALID, DISCORD_GUILD_ID: guild })).toMatchObject({
      ok: true,
      value: { KB_GUILD_IDS: [guild] },
    });
    expect(
      parseBotConfig({
        ...VALID,
        DISCORD_GUILD_ID: guild,
        KB_GUILD_IDS: '323456789012345678,423456789012345678',
      }),
    ).toMatchObject({ ok: true, value: { KB_GUILD_IDS: ['323456789012345678', '423456789012345678'] } });
    expect(parseBotConfig({ ...VALID, KB_GUILD_IDS: 'my server' })).toMatchObject({
      ok: false,
      error: [expect.stringMatching(/^KB_GUILD_IDS\S*: must be a comma-separated list of server ids/)],
    });
    expect(parseBotConfig({ ...VALID, KNOWLEDGE_DIR: '/srv/case/docs' })).toMatchObject({
      ok: true,
      value: { DATA_DIR: '/srv/case/docs-data' },
    });
  });

  it('GIVEN the empty values .env.example ships with THEN they count as unset', () => {
    const parsed = parseBotConfig({
      ...VALID,
      DISCORD_GUILD_ID: '',
      MODERATOR_ROLE_IDS: '',
      LOG_LEVEL: '',
      DISCORD_API_URL: ' ',
    });
    expect(parsed).toMatchObject({ ok: true, value: { MODERATOR_ROLE_IDS: [], LOG_LEVEL: 'info' } });
    expect(parsed.ok && parsed.value.DISCORD_GUILD_ID).toBeUndefined();
  });

  it('GIVEN every setting THEN they are parsed to their types', () => {
    const parsed = parseBotConfig({
      ...VALID,
      DISCORD_GUILD_ID: '223456789012345678',
      MODERATOR_ROLE_IDS: '323456789012345678, 423456789012345678',
      RATE_LIMIT_COUNT: '3',
      RATE_LIMIT_WINDOW_SECONDS: '10',
      LOG_LEVEL: 'debug',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api',
    });
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        MODERATOR_ROLE_IDS: ['323456789012345678', '423456789012345678'],
        RATE_LIMIT_COUNT: 3,
        DISCORD_API_URL: 'http://127.0.0.1:8080/api',
      },
    });
  });

  it('GIVEN nothing THEN both required variables are named with where to find them', () => {
    const parsed = parseBotConfig({});
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.error;
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^DISCORD_TOKEN: is missing: .*developer/);
    expect(errors[1]).toMatch(/^DISCORD_APPLICATION_ID: is missing/);
  });

  it('GIVEN wrong values THEN each variable says what it should look like', () => {
    const parsed = parseBotConfig({
      ...VALID,
      DISCORD_APPLICATION_ID: '42',
      MODERATOR_ROLE_IDS: 'mods',
      RATE_LIMIT_COUNT: 'five',
      LOG_LEVEL: 'loud',
      DISCORD_API_URL: 'not a url',
    });
    const errors = parsed.ok ? [] : parsed.error.join('\n');
    expect(errors).toMatch(/DISCORD_APPLICATION_ID: .*17 to 20 digits/);
    expect(errors).toMatch(/MODERATOR_ROLE_IDS.*comma-separated list of role ids/);
    expect(errors).toMatch(/RATE_LIMIT_COUNT: must be a whole number/);
    expect(errors).toMatch(/LOG_LEVEL: must be one of fatal, error/);
    expect(errors).toMatch(/DISCORD_API_URL: must be an http\(s\) URL/);
    expect(errors).not.toContain('token');
  });

  it('GIVEN SHARDS THEN "auto" and whole numbers are accepted, anything else is explained', () => {
    expect(parseBotConfig({ ...VALID, SHARDS: 'auto' })).toMatchObject({
      ok: true,
      value: { SHARDS: 'auto' },
    });
    expect(parseBotConfig({ ...VALID, SHARDS: ' 4 ' })).toMatchObject({ ok: true, value: { SHARDS: 4 } });
    for (const bad of ['0', 'two', '1.5', 'AUTO']) {
      expect(parseBotConfig({ ...VALID, SHARDS: bad })).toEqual({
        ok: false,
        error: ['SHARDS: must be "auto" (as many as Discord recommends) or a number of shards, e.g. 2'],
      });
    }
  });

  it('GIVEN a process the ShardingManager started THEN its SHARDS (the shard id) is not read as a setting', () => {
    const env = { ...VALID, SHARDING_MANAGER: 'true', SHARDS: '0', SHARD_COUNT: '2' };
    expect(isShardProcess(env)).toBe(true);
    const parsed = parseBotConfig(env);
    expect(parsed.ok && parsed.value.SHARDS).toBeUndefined();
    expect(isShardProcess({ ...VALID, SHARDS: 'auto' })).toBe(false);
  });
});

describe('SHARD_IDS and SHARD_COUNT', () => {
  it('GIVEN SHARD_IDS=2,3 and SHARD_COUNT=4 THEN this process runs shards 2 and 3 of 4', () => {
    const parsed = parseBotConfig({ ...VALID, SHARD_IDS: ' 2, 3', SHARD_COUNT: '4' });
    expect(parsed.ok && [parsed.value.SHARD_IDS, parsed.value.SHARD_COUNT]).toEqual([[2, 3], 4]);
  });

  it.each([
    [{ SHARD_IDS: '0,1' }, 'SHARD_COUNT: is needed with SHARD_IDS'],
    [{ SHARD_COUNT: '4' }, 'SHARD_IDS: is needed with SHARD_COUNT'],
    [{ SHARD_IDS: '3,4', SHARD_COUNT: '4' }, 'SHARD_IDS: 4 do not exist with SHARD_COUNT=4: use 0 to 3'],
    [{ SHARD_IDS: '1,1', SHARD_COUNT: '4' }, 'SHARD_IDS: lists a shard twice'],
    [{ SHARD_IDS: 'one', SHARD_COUNT: '4' }, 'SHARD_IDS: must be a comma-separated list of shard numbers'],
    [{ SHARD_IDS: '0', SHARD_COUNT: '2', SHARDS: '2' }, 'SHARDS: leave it unset with SHARD_IDS'],
  ])('GIVEN %o THEN the error says what to set', (env, message) => {
    const parsed = parseBotConfig({ ...VALID, ...env });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.join('\n')).toContain(message);
  });

  it("GIVEN a process started by the shard manager THEN discord.js's SHARD_COUNT is not read as a selection", () => {
    const parsed = parseBotConfig({ ...VALID, SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' });
    expect(parsed.ok && [parsed.value.SHARD_IDS, parsed.value.SHARD_COUNT]).toEqual([undefined, undefined]);
  });
});
