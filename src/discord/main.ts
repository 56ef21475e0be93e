#!/usr/bin/env node
// First: a SIGHUP during start-up must not end the process (modules evaluate in import order).
import './early-signals.js';
import { fileURLToPath } from 'node:url';
import { isShardProcess } from '../config/index.js';
import { EXIT } from '../shared/adapter.js';
import { loadBotConfig } from './load-config.js';
import { createLogger } from './logger.js';
import { runBot } from './run-bot.js';
import { runShardManager } from './shard-manager.js';

/**
 * `npm start`. Without SHARDS: the bot in this one process (all shards, or those in SHARD_IDS). With
 * SHARDS: the shard manager, which starts this same file once per shard; those processes see
 * SHARDING_MANAGER and run the bot.
 */
const config = loadBotConfig();
if (!config) process.exit(EXIT.badConfig);
const logger = createLogger(config.LOG_LEVEL);
const { SHARDS } = config;

let code: number;
if (SHARDS !== undefined) {
  code = await runShardManager({
    config: { ...config, SHARDS },
    logger: logger.child({ role: 'shard-manager' }),
    file: fileURLToPath(import.meta.url),
  });
} else if (isShardProcess(process.env)) {
  // discord.js gave this process its shard id in SHARDS (and the count in SHARD_COUNT).
  code = await runBot({ config, logger: logger.child({ shard: Number(process.env.SHARDS) }), asShard: true });
} else {
  const shards = config.SHARD_IDS;
  code = await runBot({ config, logger: shards ? logger.child({ shards }) : logger, asShard: false });
}
// The one exit of the bot: the runners resolve once they have stopped (or could not start).
process.exit(code);
