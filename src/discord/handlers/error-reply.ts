import { randomBytes } from 'node:crypto';
import { MessageFlags, type Interaction, type Message } from 'discord.js';
import type { Logger } from '../logger.js';
import { ui } from '../i18n.js';
import { NO_MENTIONS, somethingWentWrong } from '../replies.js';

/** A short id shown to the user and logged with the error, so a report can be matched to the stack trace. */
export const newRef = (): string => randomBytes(4).toString('hex');

/**
 * The single place an interaction's failure is answered. It never throws: the interaction may have
 * expired or Discord may be down, and neither may take the process with it.
 */
export async function replyWithRef(interaction: Interaction, error: unknown, logger: Logger): Promise<void> {
  const ref = newRef();
  logger.error(
    { err: error, ref, interactionId: interaction.id, userId: interaction.user.id },
    'interaction failed',
  );
  if (!interaction.isRepliable()) return;
  const content = ui(interaction.locale).somethingWentWrong(ref);
  try {
    if (interaction.deferred && !interaction.replied)
      await interaction.editReply({ content, allowedMentions: NO_MENTIONS });
    else if (interaction.replied)
      await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    else await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  } catch (replyError) {
    logger.warn({ err: replyError, ref }, 'could not tell the user about the failure');
  }
}

/** The same for a message: a reply with the ref, or a log line if even that fails. */
export async function replyToMessageWithRef(message: Message, error: unknown, logger: Logger): Promise<void> {
  const ref = newRef();
  logger.error(
    { err: error, ref, messageId: message.id, userId: message.author.id },
    'message handling failed',
  );
  try {
    await message.reply({ content: somethingWentWrong(ref), allowedMentions: NO_MENTIONS });
  } catch (replyError) {
    logger.warn({ err: replyError, ref }, 'could not tell the user about the failure');
  }
}
