#!/usr/bin/env node
import { parseBotConfig } from '../config/bot-config.js';
import { readDotenv } from '../config/env.js';
import { formatLoadError } from '../core/index.js';
import { KnowledgeService } from '../core/service/knowledge-service.js';
import { createBot } from './bot.js';
import { createLogger } from './logger.js';

/** sysexits EX_CONFIG: the environment is wrong, not the program. */
const EXIT_BAD_CONFIG = 78;
const EXIT_BAD_KNOWLEDGE = 2;

readDotenv();
const config = parseBotConfig(process.env);
if (!config.ok) {
  process.stderr.write(
    `Bad configuration (see .env.example):\n${config.error.map((e) => `  ${e}`).join('\n')}\n`,
  );
  process.exit(EXIT_BAD_CONFIG);
}
const logger = createLogger(config.value.LOG_LEVEL);
const knowledge = new KnowledgeService({
  dir: config.value.KNOWLEDGE_DIR,
  maxFileBytes: config.value.MAX_FILE_BYTES,
});
const first = await knowledge.reload('startup');
if (!first.ok) {
  process.stderr.write(`Cannot load the knowledge base in ${config.value.KNOWLEDGE_DIR}:\n`);
  for (const e of first.errors) process.stderr.write(`  ${formatLoadError(e)}\n`);
  process.exit(EXIT_BAD_KNOWLEDGE);
}
logger.info(
  { dir: config.value.KNOWLEDGE_DIR, documents: first.documents, passages: first.passages, ms: first.ms },
  'knowledge base loaded',
);

const bot = createBot({ config: config.value, knowledge, logger });

// One bad interaction must never end the process; log it and keep serving.
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

const shutdown = (signal: string) => {
  logger.info({ signal }, 'shutting down');
  bot.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, 'error while shutting down');
      process.exit(1);
    },
  );
};
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGHUP', () => void bot.reload('SIGHUP'));

try {
  await bot.start();
} catch (error) {
  // discord.js errors name the problem (e.g. TokenInvalid) without echoing the token.
  logger.fatal({ err: error }, 'could not connect to Discord');
  await bot.stop();
  process.exit(1);
}
