import {
  AttachmentBuilder,
  MessageFlags,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
} from 'discord.js';
import { formatLoadError, type LoadError, type SearchIndex } from '../../core/index.js';
import { escapeDiscord } from '../format/escape.js';
import { MESSAGE_CONTENT_MAX } from '../limits.js';
import { NO_MENTIONS } from '../replies.js';
import type { DocumentLine } from './change-summary.js';

/** What a /kb step shows the moderator: text, and files when the text cannot hold everything. */
export interface KbReply {
  readonly content: string;
  readonly files?: AttachmentBuilder[];
}

export const ephemeral = (reply: KbReply): InteractionReplyOptions & { flags: MessageFlags.Ephemeral } => ({
  content: reply.content,
  files: reply.files ?? [],
  flags: MessageFlags.Ephemeral,
  allowedMentions: NO_MENTIONS,
});

/** The same for editReply / update, which keep the message's ephemeral flag. */
export const edited = (reply: KbReply): InteractionEditReplyOptions => ({
  content: reply.content,
  files: reply.files ?? [],
  components: [],
  allowedMentions: NO_MENTIONS,
});

export const ERRORS_FILE = 'reload-errors.txt';

/**
 * `headline` and every `file:line` error; when they do not fit in one message the first ones are shown
 * and all of them come as reload-errors.txt, so a moderator never has to guess at "…and 53 more".
 */
export function errorsReply(headline: string, errors: readonly LoadError[]): KbReply {
  const lines = errors.map((e) => formatLoadError(e));
  const full = [headline, ...lines.map((l) => `• ${escapeDiscord(l)}`)].join('\n');
  if (full.length <= MESSAGE_CONTENT_MAX) return { content: full };
  const note = `All ${errors.length} errors are in the attached ${ERRORS_FILE}; the first ones:`;
  const kept = [headline, note];
  let length = headline.length + note.length + 2;
  for (const line of lines) {
    const shown = `• ${escapeDiscord(line)}`;
    if (length + shown.length + 1 > MESSAGE_CONTENT_MAX) break;
    kept.push(shown);
    length += shown.length + 1;
  }
  const file = new AttachmentBuilder(Buffer.from(`${lines.join('\n')}\n`, 'utf8'), { name: ERRORS_FILE });
  return { content: kept.join('\n'), files: [file] };
}

/** `Title (\`id\`, 12 passages)`, Markdown-safe. */
export const documentName = (doc: DocumentLine): string =>
  `${escapeDiscord(doc.title)} (\`${doc.id.replace(/`/g, "'")}\`, ${doc.passages} passage${doc.passages === 1 ? '' : 's'})`;

/** Names documents by title and size, looking in `after` first, then in `before` (for removed ones). */
export function namer(before: SearchIndex, after: SearchIndex): (id: string) => string | undefined {
  const lines = new Map<string, DocumentLine>();
  for (const index of [before, after]) {
    for (const d of index.documents())
      lines.set(d.id, { id: d.id, title: d.title, passages: index.passagesOf(d.id) });
  }
  return (id) => {
    const line = lines.get(id);
    return line ? documentName(line) : undefined;
  };
}
