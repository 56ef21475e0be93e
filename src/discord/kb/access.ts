import type { BaseInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { isModerator } from '../permissions.js';

export type KbAccess =
  { readonly ok: true; readonly guildId: string } | { readonly ok: false; readonly reason: string };

export const NOT_A_MODERATOR = 'Only moderators (Manage Server, or a moderator role) can use `/kb`.';
const NOT_IN_A_SERVER = '`/kb` works only in the server whose moderators control the case file.';

/**
 * Who may change or inspect the case file, checked at run time on every `/kb` path (commands,
 * autocomplete, buttons, modals): a moderator of one of the servers in KB_GUILD_IDS. The command's
 * default_member_permissions only hides it, and any server's admin can widen that.
 */
export function kbAccess(interaction: BaseInteraction, context: BotContext): KbAccess {
  if (!interaction.inGuild()) return { ok: false, reason: NOT_IN_A_SERVER };
  const guildId = interaction.guildId;
  const controlling = context.config.KB_GUILD_IDS;
  if (!controlling.includes(guildId)) {
    return {
      ok: false,
      reason:
        controlling.length === 0
          ? 'No server controls this case file yet: whoever runs the bot can give it to this server by ' +
            `setting \`KB_GUILD_IDS=${guildId}\` and restarting.`
          : 'This server does not control the case file, so `/kb` is not available here. ' +
            'It is managed by the moderators of the server(s) chosen by whoever runs the bot (KB_GUILD_IDS).',
    };
  }
  // A cached member has a role manager; an uncached one arrives as the raw API object with role ids.
  const { roles } = interaction.member;
  const roleIds = Array.isArray(roles) ? roles : [...roles.cache.keys()];
  const moderator = isModerator(
    { permissions: interaction.memberPermissions, roleIds },
    context.config.MODERATOR_ROLE_IDS,
  );
  return moderator ? { ok: true, guildId } : { ok: false, reason: NOT_A_MODERATOR };
}
