import {
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
} from 'discord.js';
import { langOf, localized } from '../i18n.js';
import { helpText, NO_MENTIONS } from '../replies.js';
import type { Command } from './command.js';

export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setNameLocalizations(localized({ es: 'ayuda', ru: 'помощь' }))
    .setDescription('What Casefile does and how to ask it.')
    .setDescriptionLocalizations(
      localized({
        es: 'Qué hace Casefile y cómo preguntarle.',
        ru: 'Что умеет Casefile и как его спрашивать.',
      }),
    )
    .setContexts(
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    )
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall),

  async execute(interaction, context) {
    await interaction.reply({
      content: helpText(context.commandIds, langOf(interaction.locale)),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
} satisfies Command;
