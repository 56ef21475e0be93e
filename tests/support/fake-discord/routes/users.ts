import { apiError, ok, route, type Route } from '../router.js';

export const userRoutes: Route[] = [
  route('GET', '/users/@me', ({ world }) => ok(world.botUser)),
  route('GET', '/users/:user', ({ params, world }) => {
    const user = world.users.get(params.user ?? '');
    return user ? ok(user) : apiError(404, 10013, 'Unknown User');
  }),
  // user.send() / createDM(): Discord hands back the one existing DM channel with that user.
  route('POST', '/users/@me/channels', ({ request, world }) => {
    const recipientId = (request.body as { recipient_id?: string } | undefined)?.recipient_id ?? '';
    const user = world.users.get(recipientId);
    return user ? ok(world.dmChannelFor(user)) : apiError(404, 10013, 'Unknown User');
  }),
  route('GET', '/guilds/:guild/members/:user', ({ params, world }) => {
    const user = world.users.get(params.user ?? '');
    const inGuild = world.guilds.some((guild) => guild.id === params.guild);
    if (!inGuild) return apiError(404, 10004, 'Unknown Guild');
    return user ? ok(world.member(user)) : apiError(404, 10007, 'Unknown Member');
  }),
];
