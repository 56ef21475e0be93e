import type { MessageMentionOptions } from 'discord.js';

/** Pings nobody: a question quoting @everyone, @here, a role or a user stays inert in the answer. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

/** For replies to a message: the asker is notified of the reply, nobody else is. */
export const ONLY_ASKER: MessageMentionOptions = { parse: [], repliedUser: true };

export const HELP_TEXT = [
  '**Casefile** answers questions from this server’s case documents, citing the passages it used.',
  '• `/ask question:<text>`: ask a question (add `private:True` to see the answer alone).',
  '• Mention me with a question in a channel, or send me a direct message.',
  '• Each answer lists its sources as [n]: document title, where in it, and the quoted passage.',
  '• If the documents do not answer it, I say so and show the closest passages.',
  '• Moderators: `/kb reload` re-reads the documents, `/kb status` shows what is loaded.',
].join('\n');

export const somethingWentWrong = (ref: string): string =>
  `Something went wrong while answering (ref \`${ref}\`). Please try again; if it keeps happening, give this ref to a moderator.`;

export const rateLimitedText = (retryAfterMs: number): string =>
  `You are asking quickly: please wait ${Math.ceil(retryAfterMs / 1000)} s and try again.`;
