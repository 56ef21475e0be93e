import { ThreadAutoArchiveDuration, type Message } from 'discord.js';
import type { AnswerMessage } from './ask-question.js';
import type { UiStrings } from './i18n.js';
import { NO_MENTIONS } from './replies.js';

/** Discord's limit on a thread name. */
const THREAD_NAME_MAX = 100;

/** A thread name from the question: one line, plain, at most 100 characters. */
export function threadName(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim() || '?';
  return line.length <= THREAD_NAME_MAX ? line : `${line.slice(0, THREAD_NAME_MAX - 1)}…`;
}

/**
 * Starts a public thread on `starter` (the member's message, or the bot's one-line headline) and posts
 * the answer in it. Thread names are not Markdown, so the question is used as typed.
 */
export async function startAnswerThread(
  starter: Message,
  question: string,
  answer: AnswerMessage,
  _strings: UiStrings,
): Promise<Message> {
  const thread = await starter.startThread({
    name: threadName(question),
    autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
  });
  return thread.send({ ...answer, allowedMentions: NO_MENTIONS });
}
