import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';

/**
 * Applies `USER_INSTALL` to a command body at deploy time. On (the default): members may add the bot
 * to their own account and use it in any chat, as each command allows. Off: guild install only, and
 * no group-DM context (which only a user install reaches), so the case documents are reachable only
 * in servers that installed the bot and in the bot's own DM.
 */
export function withInstallScope(
  body: RESTPostAPIApplicationCommandsJSONBody,
  userInstall: boolean,
): RESTPostAPIApplicationCommandsJSONBody {
  if (userInstall) return body;
  return {
    ...body,
    integration_types: [ApplicationIntegrationType.GuildInstall],
    ...(body.contexts
      ? { contexts: body.contexts.filter((c) => c !== InteractionContextType.PrivateChannel) }
      : {}),
  };
}
