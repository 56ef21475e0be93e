import { once } from 'node:events';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import type { BotConfig } from '../config/index.js';
import { takeOverSighup } from './early-signals.js';
import { EXIT } from '../shared/adapter.js';
import type { Logger } from './logger.js';
import { answerReloadRequests, reloadAllShards, summarize } from './sharding/reload-all.js';

/** Discord lets each identify bucket start one session per 5 s; the margin absorbs clock skew. */
const IDENTIFY_INTERVAL_MS = 5_500;
/** How long a shard may take to close its gateway connection and exit before it is killed. */
const STOP_GRACE_MS = 10_000;
/** A shard exiting with these fails again on every restart: the whole bot stops with the same code. */
const FATAL_EXIT_CODES = new Set<number>([EXIT.badConfig, EXIT.badKnowledge]);

export interface ShardManagerOptions {
  readonly config: BotConfig & { readonly SHARDS: 'auto' | number };
  readonly logger: Logger;
  /** The script each shard process runs: the bot's own entry point, which sees it is a shard. */
  readonly file: string;
}

/**
 * The parent of one process per shard (discord.js's ShardingManager). It holds no client and no
 * knowledge base: it starts the shards, restarts one that crashes, relays `/kb reload` from any shard
 * to all of them, forwards SIGHUP as a reload everywhere, and stops them all on SIGINT/SIGTERM.
 * Resolves with the exit code once every shard has stopped; the entry point exits with it.
 */
export async function runShardManager({ config, logger, file }: ShardManagerOptions): Promise<number> {
  let gateway: RESTGetAPIGatewayBotResult;
  try {
    gateway = await fetchGatewayBot(config);
  } catch (error) {
    logger.fatal({ err: error }, 'could not connect to Discord');
    return 1;
  }
  const count = config.SHARDS === 'auto' ? gateway.shards : config.SHARDS;
  const manager = new ShardingManager(file, {
    totalShards: count,
    token: config.DISCORD_TOKEN,
    // Off until every shard is up: a shard that cannot start would otherwise be restarted forever.
    respawn: false,
    // The manager's own Node flags (a memory limit, tsx's loader from source), minus a debugger port.
    execArgv: process.execArgv.filter((arg) => !arg.startsWith('--inspect')),
  });

  let stopped!: (code: number) => void;
  const exitCode = new Promise<number>((resolve) => (stopped = resolve));
  const stopping = { now: false };
  const stop = async (reason: string, code: number) => {
    if (stopping.now) return;
    stopping.now = true;
    manager.respawn = false;
    logger.info({ reason }, 'stopping every shard');
    await Promise.all([...manager.shards.values()].map(stopShard));
    stopped(code);
  };
  manager.on('shardCreate', (shard) => {
    watchShard(shard, manager, logger, stopping, stop);
  });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  process.once('SIGINT', () => void stop('SIGINT', 0));
  process.once('SIGTERM', () => void stop('SIGTERM', 0));
  // The shards have not read the folder yet: a SIGHUP before this point needs no reload of its own.
  takeOverSighup(() => {
    void reloadAllShards(manager.shards.values(), 'SIGHUP').then((results) =>
      logger.info({ results: summarize(results) }, 'reloaded every shard'),
    );
  });

  logger.info({ shards: count, recommended: gateway.shards }, 'starting one process per shard');
  try {
    await manager.spawn({
      amount: count,
      // Shards i and i + max_concurrency share an identify bucket; this keeps them 5.5 s apart.
      delay: Math.ceil(IDENTIFY_INTERVAL_MS / Math.max(1, gateway.session_start_limit.max_concurrency)),
    });
  } catch (error) {
    logger.fatal({ err: error }, 'a shard did not become ready');
    await stop('a shard did not become ready', 1);
    return exitCode;
  }
  manager.respawn = true;
  logger.info({ shards: count }, 'every shard is ready');
  return exitCode;
}

/** One shard's life: relays its reload requests, logs its starts and exits, stops all on a fatal exit. */
function watchShard(
  shard: Shard,
  manager: ShardingManager,
  logger: Logger,
  stopping: { readonly now: boolean },
  stop: (reason: string, code: number) => Promise<void>,
): void {
  answerReloadRequests(shard, () => manager.shards.values(), logger);
  shard.on('spawn', (child) =>
    logger.info({ shardId: shard.id, pid: 'pid' in child ? child.pid : undefined }, 'shard process started'),
  );
  shard.on('death', (child) => {
    if (stopping.now || !('exitCode' in child)) return;
    const { exitCode: code, signalCode: signal } = child;
    if (code !== null && FATAL_EXIT_CODES.has(code)) {
      logger.fatal({ shardId: shard.id, code }, 'a shard cannot start; see its error above');
      void stop('a shard cannot start', code);
    } else {
      logger.error({ shardId: shard.id, code, signal, respawn: manager.respawn }, 'shard process exited');
    }
  });
  // A failed restart; without a listener the Shard's 'error' event would throw.
  shard.on('error', (error) => {
    if (!stopping.now) logger.error({ err: error, shardId: shard.id }, 'could not restart the shard process');
  });
}

/**
 * Discord's shard recommendation and identify concurrency. discord.js's own `'auto'` asks
 * discord.com whatever DISCORD_API_URL says, so the manager asks through a REST client that honours it.
 */
async function fetchGatewayBot(config: BotConfig): Promise<RESTGetAPIGatewayBotResult> {
  const rest = new REST({
    ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
    // One request: no sweeper timers to keep alive.
    hashSweepInterval: 0,
    handlerSweepInterval: 0,
  }).setToken(config.DISCORD_TOKEN);
  return (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
}

/** SIGTERM, so the shard closes its gateway session cleanly; SIGKILL if it takes too long. */
async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  shard.kill();
  const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(force);
}
