import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ReloadOutcome } from '../../src/core/service/knowledge-service.js';
import { formatShardReload } from '../../src/discord/format/knowledge.js';
import { createLogger } from '../../src/discord/logger.js';
import type { ShardReload } from '../../src/discord/sharding/protocol.js';
import {
  answerReloadRequests,
  reloadAllShards,
  type ShardHandle,
} from '../../src/discord/sharding/reload-all.js';
import { joinCluster, type IpcPort } from '../../src/discord/sharding/shard-link.js';

const logger = createLogger('silent', { write: () => undefined });
const OK: ReloadOutcome = {
  ok: true,
  documents: 2,
  passages: 30,
  added: ['new-doc'],
  removed: [],
  changed: [],
  ms: 12,
};
const FAILED: ReloadOutcome = {
  ok: false,
  errors: [{ file: 'broken.md', line: 2, message: 'bad front matter' }],
  ms: 5,
};
const SERVING = { documents: 1, passages: 16 };

/** Both ends of one shard's IPC channel, with the JSON round trip and the asynchrony of the real one. */
class FakeShard extends EventEmitter implements ShardHandle {
  process: object | null = {};
  readonly #toShard = new Set<(message: unknown) => void>();

  constructor(readonly id: number) {
    super();
  }

  /** Manager → shard, as discord.js's `Shard#send`. */
  async send(message: unknown): Promise<this> {
    if (!this.process) throw new Error('channel closed');
    const copy: unknown = JSON.parse(JSON.stringify(message));
    setImmediate(() => this.#toShard.forEach((listener) => listener(copy)));
    return this;
  }

  /** The shard process's end. */
  readonly port: IpcPort = {
    send: async (message) => {
      const copy: unknown = JSON.parse(JSON.stringify(message));
      setImmediate(() => this.emit('message', copy));
    },
    subscribe: (listener) => {
      this.#toShard.add(listener);
      return () => void this.#toShard.delete(listener);
    },
  };
}

/** A manager and `count` shards, each reloading with `outcomes[id]`; `reloadedBy` records who asked. */
function cluster(count: number, outcomes: ReloadOutcome[] = []) {
  const shards = Array.from({ length: count }, (_, id) => new FakeShard(id));
  const reloadedBy: string[] = [];
  for (const shard of shards) answerReloadRequests(shard, () => shards, logger);
  const links = shards.map((shard) =>
    joinCluster(shard.port, {
      shardId: shard.id,
      logger,
      reloadHere: async (by) => {
        reloadedBy.push(`${shard.id}:${by}`);
        return { shardId: shard.id, outcome: outcomes[shard.id] ?? OK, serving: SERVING };
      },
    }),
  );
  return { shards, links, reloadedBy };
}

describe('reload on every shard over IPC', () => {
  it('GIVEN two shards THEN /kb reload on shard 1 reloads both, by the same user, and gets both results in order', async () => {
    const { links, reloadedBy } = cluster(2);

    const results = await links[1]!.reloadAll('alice (1)');

    expect(results).toEqual([
      { shardId: 0, outcome: OK, serving: SERVING },
      { shardId: 1, outcome: OK, serving: SERVING },
    ]);
    expect(reloadedBy.sort()).toEqual(['0:alice (1)', '1:alice (1)']);
  });

  it('GIVEN two reloads at once from different shards THEN each gets its own complete answer', async () => {
    const { links } = cluster(3);

    const [a, b] = await Promise.all([links[0]!.reloadAll('alice'), links[2]!.reloadAll('bob')]);

    expect(a.map((r) => r.shardId)).toEqual([0, 1, 2]);
    expect(b.map((r) => r.shardId)).toEqual([0, 1, 2]);
  });

  it('GIVEN a shard whose process is down, one that exits and one that stays silent THEN each is reported and the rest still answer', async () => {
    const { shards } = cluster(2);
    const down = new FakeShard(2);
    down.process = null;
    const exiting = new FakeShard(3);
    const silent = new FakeShard(4);
    exiting.port.subscribe(() => exiting.emit('death', {}));

    const results = await reloadAllShards([...shards, down, exiting, silent], 'SIGHUP', 100);

    expect(results.slice(0, 2).every((r) => 'outcome' in r && r.outcome.ok)).toBe(true);
    expect(results.slice(2)).toEqual([
      { shardId: 2, error: 'its process is not running (restarting?)' },
      { shardId: 3, error: 'its process exited during the reload' },
      { shardId: 4, error: 'no answer within 0.1 s' },
    ]);
  });

  it('GIVEN a shard whose reload throws THEN its entry carries the error instead of failing the whole reload', async () => {
    const shard = new FakeShard(0);
    joinCluster(shard.port, {
      shardId: 0,
      logger,
      reloadHere: () => Promise.reject(new Error('disk gone')),
    });

    expect(await reloadAllShards([shard], 'alice')).toEqual([{ shardId: 0, error: 'disk gone' }]);
  });

  it('GIVEN no manager answers THEN reloadAll rejects after its timeout, naming the manager', async () => {
    const shard = new FakeShard(0);
    const link = joinCluster(shard.port, {
      shardId: 0,
      logger,
      timeoutMs: 50,
      reloadHere: async () => ({ shardId: 0, error: 'x' }),
    });

    await expect(link.reloadAll('alice')).rejects.toThrow(/shard manager did not answer within 0.05 s/);
  });
});

describe('formatShardReload', () => {
  it('GIVEN every shard reloaded THEN one verdict, one line per shard, and what changed once', () => {
    const text = formatShardReload(
      [
        { shardId: 0, outcome: OK, serving: SERVING },
        { shardId: 1, outcome: { ...OK, ms: 7 }, serving: SERVING },
      ],
      1,
    );

    expect(text).toBe(
      [
        '✅ Reloaded on all 2 shards.',
        '• shard 0: ✅ 2 documents, 30 passages in 12 ms',
        '• shard 1: ✅ 2 documents, 30 passages in 7 ms',
        'Added: `new-doc`',
        'Removed: none',
        'Changed: none',
      ].join('\n'),
    );
  });

  it('GIVEN a failed and an unreachable shard THEN they are counted, and the file errors are listed once', () => {
    const results: ShardReload[] = [
      { shardId: 0, outcome: FAILED, serving: SERVING },
      { shardId: 1, error: 'no answer within 60 s' },
    ];

    const text = formatShardReload(results, 0);

    expect(text.split('\n')).toEqual([
      '❌ Reloaded on 0 of 2 shards; the others keep serving what they had.',
      '• shard 0: ❌ 1 error; still serving 1 documents, 16 passages',
      '• shard 1: ⚠️ no answer within 60 s',
      'Errors (shard 0):',
      expect.stringMatching(/^• broken\.md:2: .*bad front matter/),
    ]);
  });
});
