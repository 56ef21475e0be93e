import type { Client } from 'discord.js';
import type { BotContext } from '../context.js';
import { NO_MENTIONS } from '../replies.js';

/**
 * One public line in MOD_LOG_CHANNEL_ID per change of the case file, so a server can see who changed
 * what. Optional and best effort: a missing channel or permission is logged, never shown as a failure
 * of the change itself.
 */
export async function postModLog(context: BotContext, client: Client, line: string): Promise<void> {
  const channelId = context.config.MOD_LOG_CHANNEL_ID;
  if (!channelId) return;
  try {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error('not a channel the bot can send to');
    await channel.send({ content: line, allowedMentions: NO_MENTIONS });
  } catch (error) {
    context.logger.warn({ err: error, channelId }, 'could not post to MOD_LOG_CHANNEL_ID');
  }
}
