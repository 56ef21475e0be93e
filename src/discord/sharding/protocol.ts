import type { ReloadOutcome } from '../../core/index.js';

/**
 * The IPC messages between the shard manager and its shard processes, next to discord.js's own
 * (`_ready`, `_eval`, …) on the same channel. Plain data, so they survive the channel's JSON.
 *
 * A `/kb reload` on any shard: shard → manager `reload-all`; manager → every shard `reload`;
 * each shard → manager `reloaded`; manager → the asking shard `reload-all-done` with every result.
 */
export type ShardMessage =
  | { readonly casefile: 'reload-all'; readonly requestId: string; readonly by: string }
  | { readonly casefile: 'reload'; readonly requestId: string; readonly by: string }
  | { readonly casefile: 'reloaded'; readonly requestId: string; readonly result: ShardReload }
  | { readonly casefile: 'reload-all-done'; readonly requestId: string; readonly results: ShardReload[] };

/** One shard's reload: its outcome and what it serves now, or why it could not say. */
export type ShardReload =
  | {
      readonly shardId: number;
      readonly outcome: ReloadOutcome;
      readonly serving: { readonly documents: number; readonly passages: number };
    }
  | { readonly shardId: number; readonly error: string };

/** How long the manager waits for one shard to reload before reporting it as silent. */
export const SHARD_RELOAD_TIMEOUT_MS = 60_000;

export type ShardMessageOf<K extends ShardMessage['casefile']> = Extract<ShardMessage, { casefile: K }>;

/** Picks our messages out of the channel; the other end is our own code, so the tag is enough. */
export function isShardMessage<K extends ShardMessage['casefile']>(
  message: unknown,
  kind: K,
  requestId?: string,
): message is ShardMessageOf<K> {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as { casefile?: unknown; requestId?: unknown };
  return m.casefile === kind && (requestId === undefined || m.requestId === requestId);
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
