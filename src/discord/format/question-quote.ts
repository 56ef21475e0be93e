import { userMention } from 'discord.js';
import { MAX_QUESTION_CHARS } from '../../core/index.js';
import type { UiStrings } from '../i18n.js';
import { escapeDiscord } from './escape.js';
import { shortenAtWord } from './shorten.js';

/** Who asked what, as shown above a public answer; `aboutAuthorId` for "Ask Casefile" on a message. */
export interface AskedBy {
  readonly userId: string;
  /** What the member asked, as typed. */
  readonly question: string;
  /** The question as it was answered, when a follow-up was rewritten. */
  readonly readAs?: string;
  readonly aboutAuthorId?: string;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * `> @asker asked: question` (and, for a rewritten follow-up, `> ↳ answered as: …`). The question is
 * escaped, so it shows as typed and pings nobody; the mention of the asker is the bot's own.
 * A question longer than a valid one is shortened; a valid one is always whole, so buttons can
 * read it back from the message (see `readAskedQuestion`).
 */
export function quoteAsked(asked: AskedBy, strings: UiStrings): string {
  const verb = asked.aboutAuthorId
    ? strings.askedAboutMessage.replace('{author}', userMention(asked.aboutAuthorId))
    : strings.asked;
  const line = (text: string) => escapeDiscord(shortenAtWord(oneLine(text), MAX_QUESTION_CHARS));
  const first = `> ${userMention(asked.userId)} ${verb}: ${line(asked.question)}`;
  return asked.readAs && oneLine(asked.readAs) !== oneLine(asked.question)
    ? `${first}\n> ${strings.readAs}: ${line(asked.readAs)}`
    : first;
}

// Language-neutral on purpose: the words between the mention and ":" differ by locale.
const ASKED_LINE = /^> <@!?\d+>[^:\n]*: (.*)$/m;
const READ_AS_LINE = /^> ↳[^:\n]*: (.*)$/m;

/** Undoes escapeDiscord's backslashes (it adds them only before ASCII punctuation). */
export const unescapeDiscord = (text: string): string => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/**
 * The question an answer message answered, read back from its first lines: what buttons and replies
 * on that message use, so no state needs to be kept anywhere.
 */
export function readAskedQuestion(content: string): string | undefined {
  const readAs = READ_AS_LINE.exec(content)?.[1];
  const asked = ASKED_LINE.exec(content)?.[1];
  const question = readAs ?? asked;
  return question === undefined ? undefined : unescapeDiscord(question).trim() || undefined;
}
