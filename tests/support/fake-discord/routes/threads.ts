import { ChannelType, type APIThreadChannel } from 'discord.js';
import { apiError, noContent, route, type RestReply, type Route, type RouteContext } from '../router.js';
import type { FakeWorld } from '../world.js';

/** Thread starts and reactions: what a bot answering in threads and reacting to spam calls. */
export const threadRoutes: Route[] = [
  route('POST', '/channels/:channel/messages/:message/threads', startFromMessage),
  route('PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me', react),
];

/** Threads can start from messages in text channels (the fake has no announcement channels), not in threads or DMs. */
function startFromMessage({ request, params, world }: RouteContext): RestReply {
  const parent = world.channels.get(params.channel ?? '');
  if (!parent) return apiError(404, 10003, 'Unknown Channel');
  if (parent.type !== ChannelType.GuildText)
    return apiError(400, 50024, 'Cannot execute action on this channel type');
  const message = world.messages.get(params.message ?? '');
  if (!message || message.channel_id !== parent.id) return apiError(404, 10008, 'Unknown Message');
  if (world.channels.has(message.id))
    return apiError(400, 160004, 'A thread has already been created for this message');
  const name = (request.body as { name?: unknown } | undefined)?.name;
  if (typeof name !== 'string' || name.length < 1 || name.length > 100)
    return apiError(400, 50035, 'Invalid Form Body: name must be 1 to 100 characters');
  // Discord gives a thread started from a message the id of that message.
  const thread = threadChannel(world, {
    id: message.id,
    parentId: parent.id,
    guildId: parent.guild_id ?? '',
    name,
  });
  message.thread = thread;
  return { status: 201, body: thread };
}

export function threadChannel(
  world: FakeWorld,
  fields: { id: string; parentId: string; guildId: string; name: string },
): APIThreadChannel {
  const thread: APIThreadChannel = {
    id: fields.id,
    type: ChannelType.PublicThread,
    guild_id: fields.guildId,
    parent_id: fields.parentId,
    name: fields.name,
    owner_id: world.botUser.id,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 1440,
      archive_timestamp: new Date().toISOString(),
      locked: false,
    },
    total_message_sent: 0,
    applied_tags: [],
  };
  world.channels.set(thread.id, thread);
  return thread;
}

function react({ params, world }: RouteContext): RestReply {
  if (!world.channels.has(params.channel ?? '')) return apiError(404, 10003, 'Unknown Channel');
  const message = world.messages.get(params.message ?? '');
  if (!message || message.channel_id !== params.channel) return apiError(404, 10008, 'Unknown Message');
  return noContent;
}
