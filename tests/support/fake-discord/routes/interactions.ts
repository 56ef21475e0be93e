import { InteractionResponseType, MessageFlags, type APIMessage } from 'discord.js';
import { createMessage, editMessage } from '../messages.js';
import { apiError, noContent, ok, route, type RestReply, type Route, type RouteContext } from '../router.js';
import type { IssuedInteraction } from '../world.js';

/** Callback types that create the interaction's original message. */
const CREATES_ORIGINAL = new Set([
  InteractionResponseType.ChannelMessageWithSource,
  InteractionResponseType.DeferredChannelMessageWithSource,
]);

/** Discord drops an interaction that gets no initial response within 3 s ("This interaction failed"). */
export const INITIAL_RESPONSE_MS = 3_000;

const unknownWebhook = apiError(404, 10015, 'Unknown Webhook');
const unknownMessage = apiError(404, 10008, 'Unknown Message');

export const interactionRoutes: Route[] = [
  route('POST', '/interactions/:id/:token/callback', callback, { auth: false }),
  route('POST', '/webhooks/:app/:token', followUp, { auth: false }),
  route('GET', '/webhooks/:app/:token/messages/:message', (c) => withMessage(c, ok), { auth: false }),
  route('PATCH', '/webhooks/:app/:token/messages/:message', (c) => withMessage(c, edit(c)), { auth: false }),
  route('DELETE', '/webhooks/:app/:token/messages/:message', (c) => withMessage(c, remove(c)), {
    auth: false,
  }),
];

function callback({ request, params, world }: RouteContext): RestReply {
  const interaction = world.interactions.get(params.token ?? '');
  if (!interaction || interaction.id !== params.id) return apiError(404, 10062, 'Unknown interaction');
  if (interaction.response !== null)
    return apiError(400, 40060, 'Interaction has already been acknowledged.');
  if (Date.now() - interaction.issuedAt > INITIAL_RESPONSE_MS)
    return apiError(404, 10062, 'Unknown interaction');
  const body = request.body as { type: InteractionResponseType; data?: { flags?: number } };
  interaction.response = body.type;
  if (body.type === InteractionResponseType.Modal) interaction.modal = body.data;
  if (
    body.type === InteractionResponseType.UpdateMessage ||
    body.type === InteractionResponseType.DeferredMessageUpdate
  ) {
    // The clicked message becomes the interaction's original: editReply edits it from now on.
    const clicked =
      interaction.messageId === undefined ? undefined : world.messages.get(interaction.messageId);
    if (!clicked) return apiError(400, 50035, 'Invalid Form Body: no message to update');
    if (body.type === InteractionResponseType.UpdateMessage) editMessage(clicked, body.data);
    interaction.original = clicked;
  }
  if (CREATES_ORIGINAL.has(body.type)) {
    const deferred = body.type === InteractionResponseType.DeferredChannelMessageWithSource;
    interaction.original = createMessage(world, {
      channelId: interaction.channelId,
      author: world.botUser,
      webhookId: world.applicationId,
      body: deferred ? { flags: (body.data?.flags ?? 0) | MessageFlags.Loading } : body.data,
    });
  }
  if (request.query.with_response !== 'true') return noContent;
  return ok(callbackResponse(interaction, body.type));
}

function callbackResponse(interaction: IssuedInteraction, type: InteractionResponseType): unknown {
  const message = interaction.original;
  const flags = message?.flags ?? 0;
  return {
    interaction: {
      id: interaction.id,
      type,
      ...(message ? { response_message_id: message.id } : {}),
      response_message_loading: (flags & MessageFlags.Loading) !== 0,
      response_message_ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
    },
    resource: { type, ...(message ? { message } : {}) },
  };
}

function followUp({ request, params, world }: RouteContext): RestReply {
  const interaction = acknowledged(params, world.applicationId, world.interactions);
  if (!interaction) return unknownWebhook;
  const message = createMessage(world, {
    channelId: interaction.channelId,
    author: world.botUser,
    webhookId: world.applicationId,
    body: request.body,
  });
  interaction.followUps.add(message.id);
  // Without ?wait=true Discord does not say what it created.
  return request.query.wait === 'true' ? ok(message) : noContent;
}

/** Resolves `@original` or a follow-up id of the interaction named by the path's token. */
function withMessage({ params, world }: RouteContext, then: (message: APIMessage) => RestReply): RestReply {
  const interaction = acknowledged(params, world.applicationId, world.interactions);
  if (!interaction) return unknownWebhook;
  const id = params.message === '@original' ? interaction.original?.id : params.message;
  const message = id === undefined ? undefined : world.messages.get(id);
  const owned = message && (message === interaction.original || interaction.followUps.has(message.id));
  return owned ? then(message) : unknownMessage;
}

function edit({ request }: RouteContext) {
  return (message: APIMessage): RestReply => {
    // Editing a deferred reply is what turns "thinking…" into the answer.
    message.flags = (message.flags ?? 0) & ~MessageFlags.Loading;
    return ok(editMessage(message, request.body));
  };
}

function remove({ world }: RouteContext) {
  return (message: APIMessage): RestReply => {
    world.messages.delete(message.id);
    return noContent;
  };
}

function acknowledged(
  params: Record<string, string>,
  applicationId: string,
  interactions: Map<string, IssuedInteraction>,
): IssuedInteraction | null {
  const interaction = interactions.get(params.token ?? '');
  if (params.app !== applicationId || !interaction || interaction.response === null) return null;
  return interaction;
}
