import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import type { Gap, SqliteFeedbackStore, FeedbackStore } from '../../feedback/index.js';
import { escapeDiscord } from '../format/escape.js';
import { MESSAGE_CONTENT_MAX } from '../limits.js';
import { ephemeral } from './reply.js';

export const DEFAULT_GAP_DAYS = 30;
const SHOWN = 20;

/** The store keeps questions (the SQLite one) or only pretends to (the default no-op store). */
const readable = (store: FeedbackStore): store is SqliteFeedbackStore => 'gaps' in store;

/** `/kb gaps [days:]` — the most asked questions that got no answer or a 👎, with counts. */
export async function showGaps(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const days = interaction.options.getInteger('days') ?? DEFAULT_GAP_DAYS;
  if (!readable(context.feedback)) {
    await interaction.reply(
      ephemeral({
        content:
          'Questions are not being recorded: the feedback database did not open (the bot’s log says why).',
      }),
    );
    return;
  }
  const gaps = context.feedback.gaps({ days, limit: SHOWN });
  await interaction.reply(ephemeral({ content: formatGaps(gaps, days) }));
}

export function formatGaps(gaps: readonly Gap[], days: number): string {
  const period = `the last ${days} day${days === 1 ? '' : 's'}`;
  if (gaps.length === 0) return `No question of ${period} went unanswered or got a 👎.`;
  const lines = [`📉 Questions of ${period} with no answer or a 👎, most asked first:`];
  let length = lines.join('').length;
  for (const [i, gap] of gaps.entries()) {
    const counts = [
      `asked ${gap.asked}×`,
      ...(gap.unanswered ? [`${gap.unanswered} unanswered`] : []),
      ...(gap.downVotes ? [`${gap.downVotes} 👎`] : []),
      ...(gap.upVotes ? [`${gap.upVotes} 👍`] : []),
    ].join(', ');
    const line = `${i + 1}. “${escapeDiscord(gap.question)}” · ${counts}`;
    if (length + line.length + 80 > MESSAGE_CONTENT_MAX) break;
    lines.push(line);
    length += line.length + 1;
  }
  lines.push('`npm run feedback -- --export FILE` writes them as an eval question file.');
  return lines.join('\n');
}
