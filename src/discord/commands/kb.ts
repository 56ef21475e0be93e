import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { formatStatus } from '../format/knowledge.js';
import { kbAccess } from '../kb/access.js';
import { describeActor } from '../kb/actor.js';
import { addDocument } from '../kb/add.js';
import { documentChoices, getDocument, listDocuments, removeDocument } from '../kb/documents.js';
import { DEFAULT_GAP_DAYS, showGaps } from '../kb/gaps.js';
import { reloadEverywhere } from '../kb/reload.js';
import { edited, ephemeral } from '../kb/reply.js';
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
    )
    .addSubcommand((sub) =>
      sub
        .setName('add')
        .setDescription('Add or replace a document (.md or .txt): a dry run first, then Confirm.')
        .addAttachmentOption((option) =>
          option.setName('file').setDescription('The .md or .txt file to add').setRequired(true),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName('remove')
        .setDescription('Remove a document: a dry run first, then Confirm.')
        .addStringOption((option) =>
          option.setName('id').setDescription('The document id').setRequired(true).setAutocomplete(true),
        ),
    )
    .addSubcommand((sub) => sub.setName('list').setDescription('Every document: title, id, passages.'))
    .addSubcommand((sub) =>
      sub
        .setName('get')
        .setDescription('Sends you the file of a document.')
        .addStringOption((option) =>
          option.setName('id').setDescription('The document id').setRequired(true).setAutocomplete(true),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName('gaps')
        .setDescription('The most asked questions that got no answer or a 👎.')
        .addIntegerOption((option) =>
          option
            .setName('days')
            .setDescription(`How far back to look (default ${DEFAULT_GAP_DAYS})`)
            .setMinValue(1)
            .setMaxValue(365),
        ),
    ),

  async execute(interaction, context) {
    // Checked again here: default permissions are only a default, and admins can widen them.
    const access = kbAccess(interaction, context);
    if (!access.ok) {
      await interaction.reply(ephemeral({ content: access.reason }));
      return;
    }
    switch (interaction.options.getSubcommand()) {
      case 'status':
        await interaction.reply(
          ephemeral({ content: formatStatus(context.knowledge.status(), access.guildId) }),
        );
        return;
      case 'add':
        return addDocument(interaction, context, access.guildId);
      case 'remove':
        return removeDocument(interaction, context, access.guildId);
      case 'list':
        return listDocuments(interaction, context);
      case 'get':
        return getDocument(interaction, context);
      case 'gaps':
        return showGaps(interaction, context);
      default: {
        // Reading and indexing a large folder can outlast Discord's 3 s window: acknowledge first.
        await interaction.deferReply({ flags: 'Ephemeral' });
        const by = describeActor(interaction.user, access.guildId);
        await interaction.editReply(edited(await reloadEverywhere(context, by)));
      }
    }
  },

  async autocomplete(interaction, context) {
    // Document ids are the moderators' business too: nobody else gets suggestions.
    if (!kbAccess(interaction, context).ok) {
      await interaction.respond([]);
      return;
    }
    await documentChoices(interaction, context);
  },
} satisfies Command;
