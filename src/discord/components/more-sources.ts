import { MessageFlags } from 'discord.js';
import { morePassages } from '../../core/index.js';
import { fitLines, sourceLine } from '../format/answer.js';
import { escapeAndShorten } from '../format/shorten.js';
import { ui } from '../i18n.js';
import { MESSAGE_CONTENT_MAX } from '../limits.js';
import { NO_MENTIONS } from '../replies.js';
import { MORE } from './answer-buttons.js';
import { readBack } from './read-back.js';
import type { ComponentHandler } from './router.js';

const MORE_COUNT = 5;
const QUOTE_MAX = 250;

/** "More sources": the next-best passages after the ones the answer cites, for the clicker alone. */
export const moreSourcesHandler: ComponentHandler = {
  prefix: MORE,
  async handle(interaction, _args, context) {
    const read = await readBack(interaction, context);
    if (!read) return;
    const shown = read.answer.answered ? read.answer.citations : read.answer.related;
    const more = morePassages(read.index, read.question, {
      skip: new Set(shown.map((c) => c.passageId)),
      limit: MORE_COUNT,
      firstN: shown.length + 1,
    });
    const lines = more.map(
      (c) =>
        `${sourceLine(c, read.index.document(c.documentId))}\n> “${escapeAndShorten(c.passage, QUOTE_MAX)}”`,
    );
    const content =
      lines.length > 0 ? fitLines(lines, MESSAGE_CONTENT_MAX) : ui(interaction.locale).noMoreSources;
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  },
};
