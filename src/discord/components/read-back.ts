import { MessageFlags } from 'discord.js';
import { answer, type Answer, type SearchIndex } from '../../core/index.js';
import type { BotContext } from '../context.js';
import { readAskedQuestion } from '../format/question-quote.js';
import { ui } from '../i18n.js';
import { NO_MENTIONS } from '../replies.js';
import type { ComponentInteraction } from './router.js';

export interface ReadBack {
  readonly question: string;
  readonly index: SearchIndex;
  readonly answer: Answer;
}

/**
 * The question an answer's buttons belong to, read back from the public message they sit on (its
 * first lines quote it), answered again from the index in use now. Nothing is stored between the
 * answer and the click. Replies itself, ephemerally, when the message holds no question.
 */
export async function readBack(
  interaction: ComponentInteraction,
  context: BotContext,
): Promise<ReadBack | undefined> {
  const question = interaction.message ? readAskedQuestion(interaction.message.content) : undefined;
  if (question === undefined) {
    await interaction.reply({
      content: ui(interaction.locale).questionUnreadable,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return undefined;
  }
  const index = context.knowledge.current();
  return { question, index, answer: answer(index, question) };
}
