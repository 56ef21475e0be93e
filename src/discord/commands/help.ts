import {
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
} from 'discord.js';
import { HELP_TEXT, NO_MENTIONS } from '../replies.js';
import type { Command } from './command.js';

export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What Casefile does and how to ask it.')
    .setContexts(
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    )
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall),

  async execute(interaction) {
    await interaction.reply({
      content: HELP_TEXT,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
} satisfies Command;
