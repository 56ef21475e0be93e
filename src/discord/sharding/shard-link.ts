import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import {
  errorText,
  isShardMessage,
  SHARD_RELOAD_TIMEOUT_MS,
  type ShardMessage,
  type ShardReload,
} from './protocol.js';

/** The channel to the manager: `process` in a shard process (see `processPort`), a pair of stubs in tests. */
export interface IpcPort {
  send(message: ShardMessage): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: (message: unknown) => void): () => void;
}

export interface Cluster {
  readonly shardId: number;
  /** Has the manager reload every shard, this one included; resolves with each shard's result. */
  reloadAll(by: string): Promise<ShardReload[]>;
  /** Stops listening to the manager. */
  close(): void;
}

export interface ClusterOptions {
  readonly shardId: number;
  /** This process's own reload, with what it serves afterwards. */
  readonly reloadHere: (by: string) => Promise<ShardReload>;
  readonly logger: Logger;
  /** Longer than the manager's per-shard wait, so its "no answer from shard N" arrives first. */
  readonly timeoutMs?: number;
}

/** This shard's side of the manager's IPC channel: answers reload requests and can ask for one everywhere. */
export function joinCluster(port: IpcPort, options: ClusterOptions): Cluster {
  const { shardId, logger, timeoutMs = SHARD_RELOAD_TIMEOUT_MS + 15_000 } = options;
  const pending = new Map<string, (results: ShardReload[]) => void>();

  const answer = async (requestId: string, by: string) => {
    const result = await options.reloadHere(by).catch((error: unknown): ShardReload => {
      logger.error({ err: error }, 'reload requested by the shard manager failed');
      return { shardId, error: errorText(error) };
    });
    await port
      .send({ casefile: 'reloaded', requestId, result })
      .catch((error: unknown) =>
        logger.warn({ err: error }, 'could not send the reload result to the manager'),
      );
  };
  const unsubscribe = port.subscribe((message) => {
    if (isShardMessage(message, 'reload')) void answer(message.requestId, message.by);
    else if (isShardMessage(message, 'reload-all-done')) pending.get(message.requestId)?.(message.results);
  });

  return {
    shardId,
    reloadAll(by) {
      const requestId = randomUUID();
      return new Promise((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          pending.delete(requestId);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`the shard manager did not answer within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        pending.set(requestId, (results) => {
          done();
          resolve(results);
        });
        port.send({ casefile: 'reload-all', requestId, by }).catch((error: unknown) => {
          done();
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      });
    },
    close: unsubscribe,
  };
}

/** The IPC channel a forked process has to its parent. */
export function processPort(proc: NodeJS.Process = process): IpcPort {
  return {
    send: (message) =>
      new Promise((resolve, reject) => {
        if (!proc.send) {
          reject(new Error('this process has no IPC channel to a shard manager'));
          return;
        }
        proc.send(message, undefined, undefined, (error: Error | null) =>
          error ? reject(error) : resolve(),
        );
      }),
    subscribe(listener) {
      proc.on('message', listener);
      return () => void proc.off('message', listener);
    },
  };
}
