#!/usr/bin/env node
import { ApplicationCommandType, REST, Routes, type APIApplicationCommand } from 'discord.js';
import { commandDefinitions } from './commands/index.js';
import { EXIT } from '../shared/adapter.js';
import { loadBotConfig } from './load-config.js';

/**
 * Registers the commands with one bulk overwrite (PUT), so running it again is harmless: the same
 * definitions replace themselves. Guild commands appear at once; global ones can take a while.
 *
 * `--clear-guild`: for moving from a test server to global commands. It empties the commands of
 * DISCORD_GUILD_ID (otherwise members there would see every command twice) and registers globally.
 */
const config = loadBotConfig();
if (!config) process.exit(EXIT.badConfig);
const clearGuild = process.argv.includes('--clear-guild');
const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
  config.DISCORD_TOKEN,
);
const appId = config.DISCORD_APPLICATION_ID;
const guildId = config.DISCORD_GUILD_ID;
const shown = (c: APIApplicationCommand) =>
  c.type === ApplicationCommandType.ChatInput ? `/${c.name}` : c.name;

try {
  if (clearGuild) {
    if (!guildId) {
      process.stderr.write(
        '--clear-guild needs DISCORD_GUILD_ID: the test server whose commands to remove.\n',
      );
      process.exit(EXIT.usage);
    }
    await rest.put(Routes.applicationGuildCommands(appId, guildId), { body: [] });
    process.stdout.write(`Removed the commands registered in server ${guildId}.\n`);
  }
  const route =
    guildId && !clearGuild
      ? Routes.applicationGuildCommands(appId, guildId)
      : Routes.applicationCommands(appId);
  const body = commandDefinitions({ userInstall: config.USER_INSTALL });
  const registered = (await rest.put(route, { body })) as APIApplicationCommand[];
  const scope = guildId && !clearGuild ? `in server ${guildId}` : 'globally';
  process.stdout.write(
    `Registered ${registered.length} commands ${scope}: ${registered.map(shown).join(', ')}\n`,
  );
} catch (error) {
  process.stderr.write(
    `Could not register the commands: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
