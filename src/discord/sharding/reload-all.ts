import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import { errorText, isShardMessage, SHARD_RELOAD_TIMEOUT_MS, type ShardReload } from './protocol.js';

/** What the manager side needs of discord.js's `Shard`; tests pass an EventEmitter. */
export interface ShardHandle {
  readonly id: number;
  /** Null while the shard's process is down (e.g. being respawned). */
  readonly process: object | null;
  send(message: unknown): Promise<unknown>;
  on(event: 'message' | 'death', listener: (message: unknown) => void): unknown;
  off(event: 'message' | 'death', listener: (message: unknown) => void): unknown;
}

/**
 * Asks every shard process to reload its own knowledge base and collects each result, in shard order.
 * Never rejects: a shard that is down, exits or stays silent is reported as such, so the others'
 * results still reach the moderator.
 */
export async function reloadAllShards(
  shards: Iterable<ShardHandle>,
  by: string,
  timeoutMs = SHARD_RELOAD_TIMEOUT_MS,
): Promise<ShardReload[]> {
  const requestId = randomUUID();
  const results = await Promise.all([...shards].map((shard) => reloadShard(shard, requestId, by, timeoutMs)));
  return results.sort((a, b) => a.shardId - b.shardId);
}

/** Lets a shard ask for a reload everywhere (its `/kb reload`) and sends it every shard's result. */
export function answerReloadRequests(
  shard: ShardHandle,
  allShards: () => Iterable<ShardHandle>,
  logger: Logger,
): void {
  shard.on('message', (message) => {
    if (!isShardMessage(message, 'reload-all')) return;
    void reloadAllShards(allShards(), message.by).then(async (results) => {
      logger.info({ by: message.by, asker: shard.id, results: summarize(results) }, 'reloaded every shard');
      await shard
        .send({ casefile: 'reload-all-done', requestId: message.requestId, results })
        .catch((error: unknown) =>
          logger.warn({ err: error, shardId: shard.id }, 'could not send the results'),
        );
    });
  });
}

/** One short entry per shard for the log. */
export function summarize(results: readonly ShardReload[]): string[] {
  return results.map((r) => {
    if ('error' in r) return `shard ${r.shardId}: ${r.error}`;
    const { outcome } = r;
    return outcome.ok
      ? `shard ${r.shardId}: ok, ${outcome.documents} documents`
      : `shard ${r.shardId}: failed with ${outcome.errors.length} error(s)`;
  });
}

function reloadShard(
  shard: ShardHandle,
  requestId: string,
  by: string,
  timeoutMs: number,
): Promise<ShardReload> {
  const shardId = shard.id;
  if (!shard.process) return Promise.resolve({ shardId, error: 'its process is not running (restarting?)' });
  return new Promise((resolve) => {
    const finish = (result: ShardReload) => {
      clearTimeout(timer);
      shard.off('message', onMessage);
      shard.off('death', onDeath);
      resolve(result);
    };
    const onMessage = (message: unknown) => {
      if (isShardMessage(message, 'reloaded', requestId)) finish(message.result);
    };
    const onDeath = () => finish({ shardId, error: 'its process exited during the reload' });
    const timer = setTimeout(
      () => finish({ shardId, error: `no answer within ${timeoutMs / 1000} s` }),
      timeoutMs,
    );
    shard.on('message', onMessage);
    shard.on('death', onDeath);
    shard
      .send({ casefile: 'reload', requestId, by })
      .catch((error: unknown) => finish({ shardId, error: `could not be asked: ${errorText(error)}` }));
  });
}
