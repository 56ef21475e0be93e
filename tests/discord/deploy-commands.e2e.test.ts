import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestTo, startFakeDiscord, type FakeDiscord } from '../support/fake-discord/index.js';

const run = promisify(execFile);

describe('E2E: npm run deploy-commands against the fake (case 9)', () => {
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await startFakeDiscord();
  });
  afterEach(async () => {
    await fake.close();
  });

  /** The real entry point in a child process, configured only through its environment. */
  function deploy(env: Record<string, string>, args: string[] = []) {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_')),
    );
    return run(process.execPath, ['dist/discord/deploy-commands.js', ...args], {
      env: {
        ...inherited,
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        ...env,
      },
      timeout: 20_000,
    });
  }

  it('GIVEN DISCORD_GUILD_ID THEN one PUT registers /ask, /kb and /help in that guild, with /kb for moderators only', async () => {
    const { stdout } = await deploy({ DISCORD_GUILD_ID: fake.guildId });

    const put = await fake.waitForRequest(requestTo('PUT', '/applications/:app/guilds/:guild/commands'));
    expect(put.path).toBe(`/api/v10/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(put.authorized).toBe(true);
    const body = put.body as { name: string; [k: string]: unknown }[];
    expect(body.map((c) => c.name)).toEqual(['ask', 'kb', 'help', 'Ask Casefile']);
    expect(body.find((c) => c.name === 'Ask Casefile')).toMatchObject({
      type: ApplicationCommandType.Message,
    });
    expect(body.find((c) => c.name === 'kb')).toMatchObject({
      default_member_permissions: String(PermissionFlagsBits.ManageGuild),
      contexts: [InteractionContextType.Guild],
      options: [
        { name: 'reload' },
        { name: 'status' },
        {
          name: 'add',
          options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, required: true }],
        },
        { name: 'remove', options: [{ name: 'id', required: true, autocomplete: true }] },
        { name: 'list' },
        { name: 'get', options: [{ name: 'id', required: true, autocomplete: true }] },
        {
          name: 'gaps',
          options: [{ name: 'days', type: ApplicationCommandOptionType.Integer, min_value: 1 }],
        },
      ],
    });
    expect(body.find((c) => c.name === 'ask')).toMatchObject({
      contexts: [
        InteractionContextType.Guild,
        InteractionContextType.BotDM,
        InteractionContextType.PrivateChannel,
      ],
      integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
      options: [
        { name: 'question', required: true, autocomplete: true },
        { name: 'private' },
        { name: 'thread' },
      ],
      name_localizations: { 'es-ES': 'preguntar', ru: 'спросить' },
      description_localizations: { ru: expect.stringContaining('Задайте вопрос') },
    });
    expect(stdout).toContain(
      `Registered 4 commands in server ${fake.guildId}: /ask, /kb, /help, Ask Casefile`,
    );
  });

  it('GIVEN it runs twice without a guild THEN it overwrites the global commands and the ids stay the same', async () => {
    await deploy({ DISCORD_GUILD_ID: '' });
    const first = fake.world.commands.get('')!.map((c) => c.id);
    const { stdout } = await deploy({ DISCORD_GUILD_ID: '' });

    expect(fake.world.commands.get('')!.map((c) => c.id)).toEqual(first);
    expect(fake.requests.filter(requestTo('PUT', '/applications/:app/commands'))).toHaveLength(2);
    expect(stdout).toContain('Registered 4 commands globally');
    expect(stdout + JSON.stringify(fake.requests)).not.toContain(fake.token);
  });

  it('GIVEN --clear-guild THEN the test server loses its commands and they are registered globally', async () => {
    await deploy({ DISCORD_GUILD_ID: fake.guildId });
    expect(fake.world.commands.get(fake.guildId)).toHaveLength(4);

    const { stdout } = await deploy({ DISCORD_GUILD_ID: fake.guildId }, ['--clear-guild']);

    expect(fake.world.commands.get(fake.guildId)).toEqual([]);
    expect(fake.world.commands.get('')!.map((c) => c.name)).toContain('ask');
    expect(stdout).toContain(`Removed the commands registered in server ${fake.guildId}`);
    expect(stdout).toContain('Registered 4 commands globally');
  });

  it('GIVEN USER_INSTALL=off THEN every command is for server installs only, without group DMs', async () => {
    await deploy({ DISCORD_GUILD_ID: fake.guildId, USER_INSTALL: 'off' });

    for (const command of fake.world.commands.get(fake.guildId)!) {
      expect(command.integration_types).toEqual([ApplicationIntegrationType.GuildInstall]);
      expect(command.contexts ?? []).not.toContain(InteractionContextType.PrivateChannel);
    }
  });

  it('GIVEN a bad environment THEN it exits 78 naming the variables', async () => {
    const failed = await deploy({ DISCORD_APPLICATION_ID: 'nope', DISCORD_TOKEN: '' }).catch(
      (e: unknown) => e,
    );

    expect(failed).toMatchObject({ code: 78 });
    const stderr = (failed as { stderr: string }).stderr;
    expect(stderr).toContain('DISCORD_TOKEN: is empty');
    expect(stderr).toContain('DISCORD_APPLICATION_ID: must be the Application ID');
    expect(fake.requests).toEqual([]);
  });
});
