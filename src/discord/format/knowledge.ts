import { time, TimestampStyles } from 'discord.js';
import { formatLoadError, type KnowledgeStatus, type ReloadOutcome } from '../../core/index.js';
import { MESSAGE_CONTENT_MAX } from '../limits.js';
import { actorFor } from '../kb/actor.js';
import type { ShardReload } from '../sharding/protocol.js';
import { escapeDiscord } from './escape.js';

const MAX_IDS = 10;

/** How a document is named in a reply, e.g. `Title (\`id\`, 12 passages)`; undefined: by its id alone. */
export type NameDocument = (id: string) => string | undefined;

/** The /kb reload reply: counts, what changed and time taken, or every file's errors. */
export function formatReload(
  outcome: ReloadOutcome,
  serving: { documents: number; passages: number },
  name?: NameDocument,
): string {
  const headline = outcome.ok
    ? `✅ Reloaded in ${outcome.ms} ms: **${outcome.documents}** documents, **${outcome.passages}** passages.`
    : `❌ Reload failed after ${outcome.ms} ms with ${errorCount(outcome.errors.length)}. ` +
      `Still serving the previous knowledge base (${serving.documents} documents, ${serving.passages} passages).`;
  return fitLines([headline, ...details(outcome, name)]);
}

/**
 * The /kb reload reply when several shard processes serve: a verdict, one line per shard, then what
 * changed (or the file errors) once, taken from `hereId`'s result: every shard reads the same folder.
 */
export function formatShardReload(
  results: readonly ShardReload[],
  hereId: number,
  name?: NameDocument,
): string {
  const reloaded = results.filter((r) => 'outcome' in r && r.outcome.ok).length;
  const verdict =
    reloaded === results.length
      ? `✅ Reloaded on all ${results.length} shards.`
      : `❌ Reloaded on ${reloaded} of ${results.length} shards; the others keep serving what they had.`;
  const withOutcome = results.filter((r) => 'outcome' in r);
  const sample = withOutcome.find((r) => r.shardId === hereId) ?? withOutcome[0];
  const more = !sample
    ? []
    : sample.outcome.ok
      ? details(sample.outcome, name)
      : [`Errors (shard ${sample.shardId}):`, ...details(sample.outcome)];
  return fitLines([verdict, ...results.map(shardLine), ...more]);
}

function shardLine(result: ShardReload): string {
  if ('error' in result) return `• shard ${result.shardId}: ⚠️ ${escapeDiscord(result.error)}`;
  const { outcome, serving } = result;
  return outcome.ok
    ? `• shard ${result.shardId}: ✅ ${outcome.documents} documents, ${outcome.passages} passages in ${outcome.ms} ms`
    : `• shard ${result.shardId}: ❌ ${errorCount(outcome.errors.length)}; still serving ` +
        `${serving.documents} documents, ${serving.passages} passages`;
}

/** What changed, or every file's errors. */
function details(outcome: ReloadOutcome, name?: NameDocument): string[] {
  if (!outcome.ok) return outcome.errors.map((e) => `• ${escapeDiscord(formatLoadError(e))}`);
  return [
    `Added: ${listIds(outcome.added, name)}`,
    `Removed: ${listIds(outcome.removed, name)}`,
    `Changed: ${listIds(outcome.changed, name)}`,
  ];
}

const errorCount = (n: number): string => `${n} error${n === 1 ? '' : 's'}`;

/** The /kb status reply, as a moderator of `viewerGuildId` may see it. */
export function formatStatus(status: KnowledgeStatus, viewerGuildId: string): string {
  const lines = [`📚 **${status.documents}** documents, **${status.passages}** passages loaded.`];
  const last = status.lastReload;
  if (!last) return lines.concat('No reload has run yet.').join('\n');
  const result = last.outcome.ok
    ? `succeeded in ${last.outcome.ms} ms`
    : `failed with ${last.outcome.errors.length} error(s) (the previous knowledge base kept serving)`;
  lines.push(
    `Last reload ${time(last.at, TimestampStyles.RelativeTime)} by ${escapeDiscord(actorFor(last.by, viewerGuildId))}: ${result}.`,
  );
  return fitLines(lines);
}

function listIds(ids: readonly string[], name?: NameDocument): string {
  if (ids.length === 0) return 'none';
  const shown = ids.slice(0, MAX_IDS).map((id) => name?.(id) ?? `\`${id.replace(/`/g, "'")}\``);
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
