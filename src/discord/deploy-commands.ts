#!/usr/bin/env node
import { REST, Routes, type APIApplicationCommand } from 'discord.js';
import { commandDefinitions } from './commands/index.js';
import { loadBotConfigOrExit } from './load-config.js';

/**
 * Registers the slash commands with one bulk overwrite (PUT), so running it again is harmless:
 * the same definitions replace themselves. Guild commands appear at once; global ones can take a while.
 */
const config = loadBotConfigOrExit();
const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
  config.DISCORD_TOKEN,
);
const guildId = config.DISCORD_GUILD_ID;
const route = guildId
  ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, guildId)
  : Routes.applicationCommands(config.DISCORD_APPLICATION_ID);

try {
  const registered = (await rest.put(route, { body: commandDefinitions() })) as APIApplicationCommand[];
  const scope = guildId ? `in server ${guildId}` : 'globally';
  process.stdout.write(
    `Registered ${registered.length} commands ${scope}: ${registered.map((c) => `/${c.name}`).join(', ')}\n`,
  );
} catch (error) {
  process.stderr.write(
    `Could not register the commands: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
