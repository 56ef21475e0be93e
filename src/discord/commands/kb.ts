import {
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import type { BotContext } from '../context.js';
import { formatReload, formatShardReload, formatStatus } from '../format/knowledge.js';
import { kbAccess } from '../kb/access.js';
import { describeActor } from '../kb/actor.js';
import { NO_MENTIONS } from '../replies.js';
import type { Command } from './command.js';

export default {
  data: new SlashCommandBuilder()
    .setName('kb')
    .setDescription('Moderators: manage the knowledge base.')
    // Hidden from members without Manage Server unless an admin grants it in Server Settings → Integrations.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addSubcommand((sub) =>
      sub
        .setName('reload')
        .setDescription('Re-read the knowledge folder; keeps the current one if anything is wrong.'),
    )
    .addSubcommand((sub) =>
      sub.setName('status').setDescription('What is loaded, and how the last reload went.'),
    ),

  async execute(interaction, context) {
    // Checked again here: default permissions are only a default, and admins can widen them.
    const access = kbAccess(interaction, context);
    if (!access.ok) {
      await interaction.reply({
        content: access.reason,
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    if (interaction.options.getSubcommand() === 'status') {
      const content = formatStatus(context.knowledge.status(), access.guildId);
      await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    // Reading and indexing a large folder can outlast Discord's 3 s window: acknowledge first.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const by = describeActor(interaction.user, access.guildId);
    await interaction.editReply({ content: await reload(context, by), allowedMentions: NO_MENTIONS });
  },
} satisfies Command;

/** Reloads this process, or, when it is one shard of several, every shard (each by the same `by`). */
async function reload(context: BotContext, by: string): Promise<string> {
  if (context.cluster) return formatShardReload(await context.cluster.reloadAll(by), context.cluster.shardId);
  const outcome = await context.reload(by);
  const { documents, passages } = context.knowledge.status();
  return formatReload(outcome, { documents, passages });
}
