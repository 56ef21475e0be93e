import type { BotContext } from '../context.js';
import { formatReload, formatShardReload } from '../format/knowledge.js';
import { errorsReply, namer, type KbReply } from './reply.js';

/**
 * Reloads this process, or, when it is one shard of several, every shard (each by the same `by`), and
 * says what changed by title and passage count, or every error (as a file when they are many).
 */
export async function reloadEverywhere(context: BotContext, by: string): Promise<KbReply> {
  const before = context.knowledge.current();
  if (context.cluster) {
    const results = await context.cluster.reloadAll(by);
    const here = results.find((r) => r.shardId === context.cluster?.shardId);
    const name = namer(before, context.knowledge.current());
    const content = formatShardReload(results, context.cluster.shardId, name);
    if (here && 'outcome' in here && !here.outcome.ok) return withErrorsFile(content, here.outcome.errors);
    return { content };
  }
  const outcome = await context.reload(by);
  const { documents, passages } = context.knowledge.status();
  const content = formatReload(outcome, { documents, passages }, namer(before, context.knowledge.current()));
  return outcome.ok ? { content } : withErrorsFile(content, outcome.errors);
}

/** The formatted reply; when it had to leave errors out, its headline with every error (as a file). */
function withErrorsFile(content: string, errors: Parameters<typeof errorsReply>[1]): KbReply {
  if (!content.includes('\n…and ')) return { content };
  const lines = content.split('\n');
  const firstError = lines.findIndex((line) => line.startsWith('• ') && !line.startsWith('• shard '));
  const headline = lines
    .slice(0, firstError === -1 ? 1 : firstError)
    .filter((l) => !l.startsWith('Errors (shard'));
  return errorsReply(headline.join('\n'), errors);
}
