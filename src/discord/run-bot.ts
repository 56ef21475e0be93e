import { type BotConfig, cacheDirOf } from '../config/index.js';
import { KnowledgeService } from '../core/index.js';
import { EXIT, loadFailureReport } from '../shared/adapter.js';
import { SUGGESTIONS } from './autocomplete.js';
import { createBot } from './bot.js';
import { takeOverSighup } from './early-signals.js';
import { fatalLine } from './fatal.js';
import { openFeedbackStore } from '../feedback/index.js';
import type { Logger } from './logger.js';
import { processPort } from './sharding/shard-link.js';

export interface RunBotOptions {
  readonly config: BotConfig;
  readonly logger: Logger;
  /** This process was started by the shard manager for one shard, and talks to it over IPC. */
  readonly asShard: boolean;
}

/**
 * One process serving Discord: the whole bot, or one shard of it. Either way it loads its own
 * knowledge base, answers on its own gateway connection and stops cleanly on SIGINT/SIGTERM.
 * Resolves with the exit code once it has stopped; the entry point exits with it.
 */
export async function runBot({ config, logger, asShard }: RunBotOptions): Promise<number> {
  // Until the bot can reload, a SIGHUP only asks for one reload once it is up.
  let up = false;
  let bot: ReturnType<typeof createBot> | undefined;
  let reloadWhenUp = false;
  reloadWhenUp ||= takeOverSighup(() => {
    // Here SIGHUP reloads this process only; sent to the shard manager, it reloads every shard.
    if (up && bot) void bot.reload('SIGHUP');
    else reloadWhenUp = true;
  });
  const knowledge = await loadKnowledgeService(config, logger);
  if (!knowledge) return EXIT.badKnowledge;

  let stopped!: (code: number) => void;
  const exitCode = new Promise<number>((resolve) => (stopped = resolve));
  let stopping = false;
  const shutdown = (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    (bot ? bot.stop() : Promise.resolve()).then(
      () => stopped(code),
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        stopped(code || 1);
      },
    );
  };

  const feedback = openFeedback(config.DATA_DIR, logger);
  bot = createBot({
    config,
    knowledge,
    logger,
    ...(feedback ? { feedback } : {}),
    ...(asShard ? { ipc: processPort() } : {}),
    // A refusal that no restart fixes: say what to do, and exit so a supervisor sees a failure.
    onFatal: (problem) => {
      process.stderr.write(`${fatalLine(problem)}\n`);
      shutdown(problem.cause, EXIT.badConfig);
    },
  });
  stopOnSignals(logger, asShard, shutdown);

  try {
    await bot.start();
  } catch (error) {
    // Already stopping with its own code when Discord refused the token (onFatal above).
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by shutdown(), which narrowing cannot see
    if (stopping) return exitCode;
    // discord.js errors name the problem (e.g. TokenInvalid) without echoing the token.
    logger.fatal({ err: error }, 'could not connect to Discord');
    await bot.stop();
    return 1;
  }
  up = true;
  if (reloadWhenUp) void bot.reload('SIGHUP');
  return exitCode;
}

/** The knowledge service with its first load done in this process, or undefined once the errors are printed. */
async function loadKnowledgeService(
  config: BotConfig,
  logger: Logger,
): Promise<KnowledgeService | undefined> {
  // Shards share the cache folder safely: each writes a temporary file of its own and renames it.
  const knowledge = new KnowledgeService({
    dir: config.KNOWLEDGE_DIR,
    maxFileBytes: config.MAX_FILE_BYTES,
    cacheDir: cacheDirOf(config),
    reloadTimeoutMs: config.RELOAD_TIMEOUT_SECONDS * 1000,
    suggest: SUGGESTIONS,
  });
  const first = await knowledge.reload('startup');
  if (!first.ok) {
    process.stderr.write(loadFailureReport(config.KNOWLEDGE_DIR, first.errors));
    return undefined;
  }
  logger.info(
    { dir: config.KNOWLEDGE_DIR, documents: first.documents, passages: first.passages, ms: first.ms },
    'knowledge base loaded',
  );
  return knowledge;
}

/** SIGINT and SIGTERM stop the bot; so does losing the shard manager. One bad interaction never does. */
function stopOnSignals(logger: Logger, asShard: boolean, shutdown: (reason: string) => void): void {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  // A shard outliving its manager would keep answering with nobody to stop or reload it.
  if (asShard) process.once('disconnect', () => shutdown('the shard manager exited'));
}

/** The question and vote store; without it the bot still answers, and says why in the log. */
function openFeedback(dataDir: string, logger: Logger) {
  const opened = openFeedbackStore(dataDir);
  if (!opened.ok) {
    logger.warn(
      { dataDir, error: opened.error },
      'cannot open the feedback database: answering without recording questions and votes',
    );
    return undefined;
  }
  if (opened.recreated)
    logger.warn(
      { dataDir, problem: opened.recreated },
      'the feedback database was unreadable and was recreated',
    );
  else logger.info({ dataDir }, 'feedback database opened');
  return opened.store;
}
