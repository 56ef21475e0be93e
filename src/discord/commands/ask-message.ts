import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  MessageFlags,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { askQuestion } from '../ask-question.js';
import type { BotContext } from '../context.js';
import { localized, ui } from '../i18n.js';
import { NO_MENTIONS } from '../replies.js';

/** A message context-menu command: right-click a message → Apps → this. */
export interface MessageCommand {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody };
  execute(interaction: MessageContextMenuCommandInteraction, context: BotContext): Promise<void>;
}

export const ASK_MESSAGE_NAME = 'Ask Casefile';

/** "Ask Casefile" on any message: its text is the question; the answer is public and says whose it was. */
export default {
  data: new ContextMenuCommandBuilder()
    .setName(ASK_MESSAGE_NAME)
    .setNameLocalizations(localized({ es: 'Preguntar a Casefile', ru: 'Спросить Casefile' }))
    .setType(ApplicationCommandType.Message)
    .setContexts(
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    )
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall),

  async execute(interaction, context) {
    const target = interaction.targetMessage;
    const text = target.content.trim();
    if (text === '') {
      await interaction.reply({
        content: ui(interaction.locale).noText,
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    await askQuestion(context, {
      userId: interaction.user.id,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      via: 'message-command',
      question: text,
      aboutAuthorId: target.author.id,
      locale: interaction.locale,
      send: (reply) =>
        interaction.reply({
          ...(reply.kind === 'answer' ? reply.message : { content: reply.text }),
          allowedMentions: NO_MENTIONS,
          ...(reply.kind === 'note' ? { flags: MessageFlags.Ephemeral } : {}),
        }),
    });
  },
} satisfies MessageCommand;
