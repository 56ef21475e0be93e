/**
 * Who changed the case file, as recorded with a reload (`by`). The server is part of it so that
 * `/kb status` in one server never shows the name or id of a member of another.
 */
export const describeActor = (user: { username: string; id: string }, guildId: string): string =>
  `${user.username} (${user.id}) in server ${guildId}`;

const ACTOR = /^(.*) in server (\d+)$/;

/** What a moderator of `viewerGuildId` may see of `by`. */
export function actorFor(by: string, viewerGuildId: string): string {
  const match = ACTOR.exec(by);
  if (!match) return by; // 'startup', 'SIGHUP': no person behind it.
  return match[2] === viewerGuildId && match[1] ? match[1] : 'a moderator of another server';
}
