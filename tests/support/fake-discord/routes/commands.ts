import { ApplicationCommandType, type APIApplicationCommand } from 'discord.js';
import { snowflake } from '../ids.js';
import { apiError, ok, route, type RestReply, type Route, type RouteContext } from '../router.js';

export const commandRoutes: Route[] = [
  route('PUT', '/applications/:app/commands', (c) => overwrite(c, '')),
  route('GET', '/applications/:app/commands', (c) => list(c, '')),
  route('PUT', '/applications/:app/guilds/:guild/commands', (c) => overwrite(c, c.params.guild ?? '')),
  route('GET', '/applications/:app/guilds/:guild/commands', (c) => list(c, c.params.guild ?? '')),
];

const unknownApplication = apiError(404, 10002, 'Unknown Application');

/** Bulk overwrite. Like Discord, a command keeps its id when one with the same name was already registered. */
function overwrite({ request, params, world }: RouteContext, guildId: string): RestReply {
  if (params.app !== world.applicationId) return unknownApplication;
  if (guildId !== '' && !world.guilds.some((guild) => guild.id === guildId))
    return apiError(404, 10004, 'Unknown Guild');
  if (!Array.isArray(request.body)) return apiError(400, 50035, 'Invalid Form Body');
  const previous = world.commands.get(guildId) ?? [];
  const commands = (request.body as Partial<APIApplicationCommand>[]).map((command) => ({
    description: '',
    default_member_permissions: null,
    nsfw: false,
    ...command,
    type: command.type ?? ApplicationCommandType.ChatInput,
    id: previous.find((p) => p.name === command.name)?.id ?? snowflake(),
    application_id: world.applicationId,
    version: snowflake(),
    ...(guildId === '' ? {} : { guild_id: guildId }),
  })) as APIApplicationCommand[];
  world.commands.set(guildId, commands);
  return ok(commands);
}

function list({ params, world }: RouteContext, guildId: string): RestReply {
  return params.app === world.applicationId ? ok(world.commands.get(guildId) ?? []) : unknownApplication;
}
