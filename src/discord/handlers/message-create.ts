import { ChannelType, type Message } from 'discord.js';
import { knownNameIn, resolveFollowUp } from '../../core/index.js';
import { askQuestion, type QuestionReply } from '../ask-question.js';
import type { BotContext } from '../context.js';
import { readAskedQuestion } from '../format/question-quote.js';
import { RefusalGate } from '../refusal-gate.js';
import { ONLY_ASKER } from '../replies.js';
import { startAnswerThread } from '../threads.js';
import { ui } from '../i18n.js';
import { replyToMessageWithRef } from './error-reply.js';

/** The reaction that stands in for a refusal the member was already told about in this window. */
const REACTION = { invalid: '❓', 'rate-limited': '⏳' } as const;

/**
 * Direct messages are questions; in a server, messages that mention the bot (by name, or by its
 * managed role, which some clients pick) and replies to the bot's answers are. A reply is a
 * follow-up: a pronoun in it refers to the answered question's subject. `@everyone` never counts.
 */
export function onMessageCreate(context: BotContext) {
  const refusals = new RefusalGate(context.config.RATE_LIMIT_WINDOW_SECONDS * 1000);
  return async (message: Message): Promise<void> => {
    // Bots, the bot itself included, and webhooks are never asked; this also rules out reply loops.
    if (message.author.bot || message.webhookId || message.system) return;
    const botId = message.client.user.id;
    const botRoleId = message.guild?.members.me?.roles.botRole?.id;
    // `<@!id>` is the older nickname form some clients still send.
    const mentions = [`<@${botId}>`, `<@!${botId}>`, ...(botRoleId ? [`<@&${botRoleId}>`] : [])];
    const isDirect = !message.inGuild();
    const mentioned = mentions.some((m) => message.content.includes(m));
    const replyTo = message.reference?.messageId;
    const repliedToBot = replyTo !== undefined && (isDirect || message.mentions.repliedUser?.id === botId);
    if (!isDirect && !mentioned && !repliedToBot) return;
    try {
      const typed = mentions.reduce((text, m) => text.replaceAll(m, ' '), message.content);
      const previous = repliedToBot ? await previousQuestion(message) : undefined;
      if (!isDirect && !mentioned && previous === undefined) return;
      const readAs =
        previous === undefined
          ? undefined
          : resolveFollowUp(previous, typed, knownNameIn(context.knowledge.current())).question;
      const locale = message.guild?.preferredLocale ?? null;
      const inThread =
        context.config.MENTION_THREADS &&
        (message.channel.type === ChannelType.GuildText ||
          message.channel.type === ChannelType.GuildAnnouncement);
      await askQuestion(context, {
        userId: message.author.id,
        guildId: message.guildId,
        channelId: message.channelId,
        via: previous !== undefined ? 'reply' : isDirect ? 'dm' : inThread ? 'mention-thread' : 'mention',
        question: typed,
        ...(readAs !== undefined ? { readAs } : {}),
        locale,
        send: (reply) => {
          if (reply.kind === 'note' && !isDirect && !refusals.speak(message.author.id))
            return message.react(REACTION[reply.outcome]);
          if (reply.kind === 'answer' && inThread)
            return startAnswerThread(message, typed, reply.message, ui(locale));
          return message.reply({ ...messageOf(reply), allowedMentions: ONLY_ASKER });
        },
      });
    } catch (error) {
      await replyToMessageWithRef(message, error, context.logger);
    }
  };
}

const messageOf = (reply: QuestionReply) =>
  reply.kind === 'answer' ? reply.message : { content: reply.text };

/** The question the replied-to message answered, when it is one of the bot's answers. */
async function previousQuestion(message: Message): Promise<string | undefined> {
  const referenced = await message.fetchReference().catch(() => undefined);
  if (!referenced || referenced.author.id !== message.client.user.id) return undefined;
  return readAskedQuestion(referenced.content);
}
