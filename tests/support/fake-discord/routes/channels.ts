import type { APIMessage } from 'discord.js';
import { createMessage, editMessage } from '../messages.js';
import { apiError, noContent, ok, route, type RestReply, type Route, type RouteContext } from '../router.js';

const unknownChannel = apiError(404, 10003, 'Unknown Channel');
const unknownMessage = apiError(404, 10008, 'Unknown Message');

/** Any of these makes a message non-empty; Discord rejects a send with none of them. */
const CONTENT_FIELDS = ['content', 'embeds', 'components', 'sticker_ids', 'poll', 'attachments'];

export const channelRoutes: Route[] = [
  route('GET', '/channels/:channel', ({ params, world }) => {
    const channel = world.channels.get(params.channel ?? '');
    return channel ? ok(channel) : unknownChannel;
  }),
  route('POST', '/channels/:channel/messages', send),
  route('POST', '/channels/:channel/typing', (c) =>
    c.world.channels.has(c.params.channel ?? '') ? noContent : unknownChannel,
  ),
  route('GET', '/channels/:channel/messages/:message', (c) => withMessage(c, ok)),
  route('PATCH', '/channels/:channel/messages/:message', (c) =>
    withMessage(c, (m) => ok(editMessage(m, c.request.body))),
  ),
  route('DELETE', '/channels/:channel/messages/:message', (c) =>
    withMessage(c, (m) => {
      c.world.messages.delete(m.id);
      return noContent;
    }),
  ),
];

function send({ request, params, world }: RouteContext): RestReply {
  const channelId = params.channel ?? '';
  if (!world.channels.has(channelId)) return unknownChannel;
  if (!hasContent(request.body)) return apiError(400, 50006, 'Cannot send an empty message');
  return ok(createMessage(world, { channelId, author: world.botUser, body: request.body }));
}

function hasContent(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const fields = body as Record<string, unknown>;
  return CONTENT_FIELDS.some((field) => {
    const value = fields[field];
    return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null && value !== '';
  });
}

function withMessage({ params, world }: RouteContext, then: (message: APIMessage) => RestReply): RestReply {
  if (!world.channels.has(params.channel ?? '')) return unknownChannel;
  const message = world.messages.get(params.message ?? '');
  return message && message.channel_id === params.channel ? then(message) : unknownMessage;
}
