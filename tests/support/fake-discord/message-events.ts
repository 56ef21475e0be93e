import {
  ChannelType,
  MessageReferenceType,
  MessageType,
  type APIMessage,
  type APIUser,
  type GatewayMessageCreateDispatchData,
} from 'discord.js';
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
  /** Prefix the content with `<@&role>` instead, as a client does when the member picks the bot's managed role. */
  mentionRole?: string;
  /** A guild channel other than the text channel, e.g. a thread. */
  channelId?: string;
  /** Send it as a reply to this message, with the reply ping on (Discord then lists its author in `mentions`). */
  replyTo?: APIMessage;
}

export function messageCreatePayload(
  world: FakeWorld,
  incoming: IncomingMessage,
): GatewayMessageCreateDispatchData {
  const author = incoming.author ?? world.user;
  const prefix = incoming.mentionBot
    ? `<@${world.botUser.id}> `
    : incoming.mentionRole
      ? `<@&${incoming.mentionRole}> `
      : '';
  const content = `${prefix}${incoming.content}`;
  const mentions = incoming.mentionBot ? [world.botUser] : [];
  // The reply ping: Discord lists the replied-to author among the mentions.
  const replied = incoming.replyTo?.author;
  if (replied && !mentions.some((u) => u.id === replied.id)) mentions.push(replied);
  const reply = incoming.replyTo
    ? {
        type: MessageType.Reply,
        message_reference: {
          type: MessageReferenceType.Default,
          message_id: incoming.replyTo.id,
          channel_id: incoming.replyTo.channel_id,
        },
        referenced_message: incoming.replyTo,
      }
    : {};
  const roles = incoming.mentionRole ? { mention_roles: [incoming.mentionRole] } : {};
  if (incoming.dm) {
    const channel = world.dmChannelFor(author);
    const message = Object.assign(
      createMessage(world, { channelId: channel.id, author, content, mentions }),
      reply,
    );
    // Without channel_type discord.js cannot tell an uncached DM apart and silently drops the message.
    return { ...message, channel_type: ChannelType.DM };
  }
  const guild = world.guild(incoming.guildId);
  const channel = incoming.channelId === undefined ? guild.channel : world.channels.get(incoming.channelId);
  if (!channel || channel.type === ChannelType.DM || channel.type === ChannelType.GuildForum)
    throw new Error(`Fake Discord has no channel ${incoming.channelId}`);
  const message = Object.assign(
    createMessage(world, { channelId: channel.id, author, content, mentions }),
    reply,
    roles,
  );
  const { user: _user, ...member } = world.member(author);
  return { ...message, guild_id: guild.id, channel_type: channel.type, member };
}
