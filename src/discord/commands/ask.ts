import {
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
} from 'discord.js';
import { MAX_QUESTION_CHARS } from '../../core/index.js';
import { askQuestion } from '../ask-question.js';
import { autocompleteChoices } from '../autocomplete.js';
import { NO_MENTIONS } from '../replies.js';
import type { Command } from './command.js';

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question about the case; the answer cites the documents it comes from.')
    // Usable in servers, in the bot's DM and, when user-installed, in group DMs.
    .setContexts(
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    )
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
    .addStringOption((option) =>
      option
        .setName('question')
        .setDescription('Your question about the documents, e.g. "who was arrested, and where?"')
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_CHARS)
        .setAutocomplete(true),
    )
    .addBooleanOption((option) =>
      option.setName('private').setDescription('Only you see the answer (default: everyone in the channel).'),
    ),

  async execute(interaction, context) {
    const isPrivate = interaction.options.getBoolean('private') ?? false;
    // The core answers in milliseconds, well inside Discord's 3 s window, so the answer is the first response.
    await askQuestion(context, {
      userId: interaction.user.id,
      via: 'ask',
      question: interaction.options.getString('question', true),
      send: (reply) =>
        interaction.reply({
          ...(reply.kind === 'answer' ? reply.message : { content: reply.text }),
          allowedMentions: NO_MENTIONS,
          ...(isPrivate || reply.kind === 'note' ? { flags: MessageFlags.Ephemeral } : {}),
        }),
    });
  },

  async autocomplete(interaction, context) {
    const typed = interaction.options.getFocused();
    await interaction.respond(autocompleteChoices(context.knowledge.current(), typed));
  },
} satisfies Command;
