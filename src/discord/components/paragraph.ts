import { MessageFlags } from 'discord.js';
import { paragraphOf } from '../../core/index.js';
import { escapeDiscord } from '../format/escape.js';
import { fitLines, sourceLine } from '../format/answer.js';
import { shortenAtWord } from '../format/shorten.js';
import { ui } from '../i18n.js';
import { MESSAGE_CONTENT_MAX } from '../limits.js';
import { NO_MENTIONS } from '../replies.js';
import { PARAGRAPH } from './answer-buttons.js';
import { readBack } from './read-back.js';
import type { ComponentHandler } from './router.js';

const PARAGRAPH_MAX = 900;

/** "Show the paragraph": each cited sentence in bold inside its paragraph, for the clicker alone. */
export const paragraphHandler: ComponentHandler = {
  prefix: PARAGRAPH,
  async handle(interaction, _args, context) {
    const read = await readBack(interaction, context);
    if (!read) return;
    const strings = ui(interaction.locale);
    const blocks = read.answer.citations.map((c) => {
      const found = paragraphOf(read.index, c.passageId);
      const head = sourceLine(c, read.index.document(c.documentId));
      if (!found) return `${head}\n${strings.paragraphUnavailable}`;
      return `${head}\n${highlight(found.text, found.sentence)}`;
    });
    const content = blocks.length > 0 ? fitLines(blocks, MESSAGE_CONTENT_MAX) : strings.paragraphUnavailable;
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  },
};

/** The paragraph, escaped, with the cited sentence in bold; long paragraphs keep the sentence in view. */
function highlight(paragraph: string, sentence: string): string {
  const at = paragraph.indexOf(sentence);
  if (at < 0) return `> ${escapeDiscord(shortenAtWord(paragraph, PARAGRAPH_MAX))}`;
  const room = Math.max(0, PARAGRAPH_MAX - sentence.length);
  const before = paragraph.slice(0, at);
  const after = paragraph.slice(at + sentence.length);
  const keptBefore =
    before.length <= room / 2 ? before : `…${before.slice(before.length - Math.floor(room / 2))}`;
  const keptAfter = shortenAtWord(after, Math.max(1, room - keptBefore.length));
  const bold = `**${escapeDiscord(shortenAtWord(sentence, PARAGRAPH_MAX))}**`;
  return `> ${escapeDiscord(keptBefore)}${bold}${escapeDiscord(keptAfter)}`;
}
