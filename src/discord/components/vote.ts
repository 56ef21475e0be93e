import { MessageFlags } from 'discord.js';
import { ui } from '../i18n.js';
import { NO_MENTIONS } from '../replies.js';
import { VOTE } from './answer-buttons.js';
import type { ComponentHandler } from './router.js';

/** 👍 / 👎: recorded against the ask id in the custom_id; the voter alone sees the thanks. */
export const voteHandler: ComponentHandler = {
  prefix: VOTE,
  async handle(interaction, [askId, vote], context) {
    const strings = ui(interaction.locale);
    if (!askId || (vote !== 'up' && vote !== 'down')) {
      await interaction.reply({
        content: strings.questionUnreadable,
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    try {
      context.feedback.recordVote(askId, interaction.user.id, vote);
    } catch (error) {
      context.logger.warn({ err: error, askId }, 'could not record the vote');
    }
    context.logger.info({ askId, vote, userId: interaction.user.id }, 'vote');
    await interaction.reply({
      content: vote === 'up' ? strings.voteThanksUp : strings.voteThanksDown,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
};
