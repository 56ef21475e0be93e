import { MessageType, type APIMessage, type APIUser, type MessageFlags } from 'discord.js';
import { snowflake } from './ids.js';
import type { FakeWorld } from './world.js';

export interface NewMessage {
  channelId: string;
  author: APIUser;
  content?: string;
  mentions?: APIUser[];
  webhookId?: string;
  /** A REST body from the bot; the fields Discord would echo back are copied onto the message. */
  body?: unknown;
}

/** Builds a message the way Discord returns it and keeps it so later edits, fetches and deletes find it. */
export function createMessage(world: FakeWorld, fields: NewMessage): APIMessage {
  const message: APIMessage = {
    id: snowflake(),
    type: MessageType.Default,
    channel_id: fields.channelId,
    author: fields.author,
    content: fields.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: fields.mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: 0 as MessageFlags,
    ...(fields.webhookId === undefined
      ? {}
      : { webhook_id: fields.webhookId, application_id: fields.webhookId }),
  };
  if (fields.body !== undefined) applyBody(message, fields.body);
  world.messages.set(message.id, message);
  return message;
}

export function editMessage(message: APIMessage, body: unknown): APIMessage {
  applyBody(message, body);
  message.edited_timestamp = new Date().toISOString();
  return message;
}

const ECHOED_FIELDS = [
  'content',
  'embeds',
  'components',
  'flags',
  'tts',
  'message_reference',
  'poll',
  // Resolved to full attachment objects by the fake's CDN before the body reaches here.
  'attachments',
] as const;

function applyBody(message: APIMessage, body: unknown): void {
  if (typeof body !== 'object' || body === null) return;
  const source = body as Record<string, unknown>;
  const target = message as unknown as Record<string, unknown>;
  for (const field of ECHOED_FIELDS) {
    if (source[field] === undefined) continue;
    target[field] = field === 'attachments' ? keptAttachments(message, source[field]) : source[field];
  }
  if (message.message_reference) message.type = MessageType.Reply;
}

/** New uploads arrive resolved (with a url); an existing attachment is kept by listing its id. */
function keptAttachments(message: APIMessage, listed: unknown): APIMessage['attachments'] {
  if (!Array.isArray(listed)) return message.attachments;
  return listed.flatMap((item: { id?: unknown; url?: unknown }) => {
    if (typeof item.url === 'string') return [item as APIMessage['attachments'][number]];
    const existing = message.attachments.find((a) => a.id === String(item.id));
    return existing ? [existing] : [];
  });
}
