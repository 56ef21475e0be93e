import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { BotConfig } from '../config/index.js';
import { NO_MENTIONS } from './replies.js';

/**
 * The discord.js client exactly as production runs it; tests change only the REST base URL.
 *
 * No MessageContent intent: Discord delivers the content of DMs and of messages that mention the
 * bot without it, and those are the only messages the bot reads. So it needs no privileged intent.
 */
export function createClient(
  config: Pick<BotConfig, 'DISCORD_API_URL' | 'SHARD_IDS' | 'SHARD_COUNT'>,
): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // DM channels are not cached up front; without this partial their messages are dropped.
    partials: [Partials.Channel],
    // Every reply sets its own, but nothing the bot sends may ping anyone by accident.
    allowedMentions: NO_MENTIONS,
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
    // SHARD_IDS: this process runs these shards of SHARD_COUNT, each on its own gateway connection.
    ...(config.SHARD_IDS && config.SHARD_COUNT
      ? { shards: [...config.SHARD_IDS], shardCount: config.SHARD_COUNT }
      : {}),
  });
}
