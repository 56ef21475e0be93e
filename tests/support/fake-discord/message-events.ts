import { ChannelType, type APIUser, type GatewayMessageCreateDispatchData } from 'discord.js';
import { createMessage } from './messages.js';
import type { FakeWorld } from './world.js';

export interface IncomingMessage {
  content: string;
  /** Send it in the bot's DM with the author instead of a guild channel. */
  dm?: boolean;
  /** Defaults to the fake's first guild. Ignored for DMs. */
  guildId?: string;
  /** Defaults to the fake's default human. */
  author?: APIUser;
  /** Prefix the content with `<@bot>` and list the bot in `mentions`, as the Discord client does. */
  mentionBot?: boolean;
}

export function messageCreatePayload(
  world: FakeWorld,
  incoming: IncomingMessage,
): GatewayMessageCreateDispatchData {
  const author = incoming.author ?? world.user;
  const content = incoming.mentionBot ? `<@${world.botUser.id}> ${incoming.content}` : incoming.content;
  const mentions = incoming.mentionBot ? [world.botUser] : [];
  if (incoming.dm) {
    const channel = world.dmChannelFor(author);
    const message = createMessage(world, { channelId: channel.id, author, content, mentions });
    // Without channel_type discord.js cannot tell an uncached DM apart and silently drops the message.
    return { ...message, channel_type: ChannelType.DM };
  }
  const guild = world.guild(incoming.guildId);
  const message = createMessage(world, { channelId: guild.channel.id, author, content, mentions });
  const { user: _user, ...member } = world.member(author);
  return { ...message, guild_id: guild.id, channel_type: ChannelType.GuildText, member };
}
