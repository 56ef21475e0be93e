import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';

export interface MemberAccess {
  /** The member's permissions in the channel, as Discord resolved them; null outside a guild. */
  readonly permissions: Readonly<PermissionsBitField> | null;
  readonly roleIds: Iterable<string>;
}

/**
 * The run-time half of "moderator only" (the other half is the command's default_member_permissions,
 * which a server admin can change): Manage Server, or one of the configured moderator roles.
 */
export function isModerator(member: MemberAccess, moderatorRoleIds: readonly string[]): boolean {
  if (member.permissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const allowed = new Set(moderatorRoleIds);
  for (const id of member.roleIds) if (allowed.has(id)) return true;
  return false;
}
