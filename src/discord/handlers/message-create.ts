import type { Message } from 'discord.js';
import { askQuestion } from '../ask-question.js';
import type { BotContext } from '../context.js';
import { ONLY_ASKER } from '../replies.js';
import { replyToMessageWithRef } from './error-reply.js';

/**
 * Direct messages are questions; in a server, only messages that mention the bot by name are.
 * `@everyone`, role mentions and replies to the bot do not count as asking it.
 */
export function onMessageCreate(context: BotContext) {
  return async (message: Message): Promise<void> => {
    // Bots, the bot itself included, and webhooks are never asked; this also rules out reply loops.
    if (message.author.bot || message.webhookId || message.system) return;
    const botId = message.client.user.id;
    // `<@!id>` is the older nickname form some clients still send.
    const mentions = [`<@${botId}>`, `<@!${botId}>`];
    const isDirect = !message.inGuild();
    if (!isDirect && !mentions.some((m) => message.content.includes(m))) return;
    try {
      await askQuestion(context, {
        userId: message.author.id,
        via: isDirect ? 'dm' : 'mention',
        question: mentions.reduce((text, m) => text.replaceAll(m, ' '), message.content),
        send: (reply) =>
          message.reply({
            ...(reply.kind === 'answer' ? reply.message : { content: reply.text }),
            allowedMentions: ONLY_ASKER,
          }),
      });
    } catch (error) {
      await replyToMessageWithRef(message, error, context.logger);
    }
  };
}
