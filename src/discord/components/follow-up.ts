import {
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import { knownNameIn, MAX_QUESTION_CHARS, resolveFollowUp } from '../../core/index.js';
import { askQuestion } from '../ask-question.js';
import { readAskedQuestion } from '../format/question-quote.js';
import { ui } from '../i18n.js';
import { NO_MENTIONS } from '../replies.js';
import { FOLLOW_UP } from './answer-buttons.js';
import { customId, type ComponentHandler } from './router.js';

const INPUT = 'question';

/**
 * "Ask a follow-up": the button opens a modal; its submission is answered publicly, with a pronoun or
 * a missing subject taken from the question the clicked answer quotes (read back from that message).
 */
export const followUpHandler: ComponentHandler = {
  prefix: FOLLOW_UP,
  async handle(interaction, args, context) {
    const strings = ui(interaction.locale);
    if (interaction.isButton()) {
      const modal: APIModalInteractionResponseCallbackData = {
        custom_id: customId(FOLLOW_UP, ...args),
        title: strings.followUpTitle,
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.TextInput,
                custom_id: INPUT,
                label: strings.followUpLabel,
                placeholder: strings.followUpPlaceholder,
                style: TextInputStyle.Short,
                required: true,
                max_length: MAX_QUESTION_CHARS,
              },
            ],
          },
        ],
      };
      await interaction.showModal(modal);
      return;
    }
    if (!interaction.isModalSubmit()) return;
    const typed = interaction.fields.getTextInputValue(INPUT);
    const previous = interaction.message ? readAskedQuestion(interaction.message.content) : undefined;
    const readAs =
      previous === undefined
        ? undefined
        : resolveFollowUp(previous, typed, knownNameIn(context.knowledge.current())).question;
    await askQuestion(context, {
      userId: interaction.user.id,
      guildId: interaction.guildId,
      channelId: interaction.channelId ?? '',
      via: 'follow-up',
      question: typed,
      ...(readAs !== undefined ? { readAs } : {}),
      locale: interaction.locale,
      send: (reply) =>
        interaction.reply({
          ...(reply.kind === 'answer' ? reply.message : { content: reply.text }),
          allowedMentions: NO_MENTIONS,
          ...(reply.kind === 'note' || interaction.message?.flags.has(MessageFlags.Ephemeral)
            ? { flags: MessageFlags.Ephemeral }
            : {}),
        }),
    });
  },
};
