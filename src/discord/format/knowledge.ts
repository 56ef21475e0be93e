import { time, TimestampStyles } from 'discord.js';
import { formatLoadError } from '../../core/index.js';
import type { KnowledgeStatus, ReloadOutcome } from '../../core/service/knowledge-service.js';
import { MESSAGE_CONTENT_MAX } from '../limits.js';
import { escapeText } from './shorten.js';

const MAX_IDS = 10;

/** The /kb reload reply: counts, what changed and time taken, or every file's errors. */
export function formatReload(
  outcome: ReloadOutcome,
  serving: { documents: number; passages: number },
): string {
  if (outcome.ok) {
    return fitLines([
      `✅ Reloaded in ${outcome.ms} ms: **${outcome.documents}** documents, **${outcome.passages}** passages.`,
      `Added: ${listIds(outcome.added)}`,
      `Removed: ${listIds(outcome.removed)}`,
      `Changed: ${listIds(outcome.changed)}`,
    ]);
  }
  return fitLines([
    `❌ Reload failed after ${outcome.ms} ms with ${outcome.errors.length} error${outcome.errors.length === 1 ? '' : 's'}. ` +
      `Still serving the previous knowledge base (${serving.documents} documents, ${serving.passages} passages).`,
    ...outcome.errors.map((e) => `• ${escapeText(formatLoadError(e))}`),
  ]);
}

/** The /kb status reply. */
export function formatStatus(status: KnowledgeStatus): string {
  const lines = [`📚 **${status.documents}** documents, **${status.passages}** passages loaded.`];
  const last = status.lastReload;
  if (!last) return lines.concat('No reload has run yet.').join('\n');
  const result = last.outcome.ok
    ? `succeeded in ${last.outcome.ms} ms`
    : `failed with ${last.outcome.errors.length} error(s) (the previous knowledge base kept serving)`;
  lines.push(
    `Last reload ${time(last.at, TimestampStyles.RelativeTime)} by ${escapeText(last.by)}: ${result}.`,
  );
  return fitLines(lines);
}

function listIds(ids: readonly string[]): string {
  if (ids.length === 0) return 'none';
  const shown = ids.slice(0, MAX_IDS).map((id) => `\`${id.replace(/`/g, "'")}\``);
  return ids.length > MAX_IDS ? `${shown.join(', ')} and ${ids.length - MAX_IDS} more` : shown.join(', ');
}

/** Whole lines only: a long error list ends with "…and N more" instead of a cut line. */
function fitLines(lines: readonly string[]): string {
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    const more = `…and ${lines.length - i} more`;
    if (length + line.length + 1 + more.length + 1 > MESSAGE_CONTENT_MAX) {
      kept.push(more);
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}
