import { once } from 'node:events';
import { Events, RESTEvents, type Client } from 'discord.js';
import type { BotConfig } from '../config/index.js';
import type { KnowledgeService, ReloadOutcome } from '../core/index.js';
import { prepareSuggestedQuestions } from './autocomplete.js';
import { createClient } from './client.js';
import { fatalGatewayClose, REVOKED_TOKEN, type FatalProblem } from './fatal.js';
import { commands } from './commands/index.js';
import type { BotContext } from './context.js';
import { noFeedbackStore, type FeedbackStore } from '../feedback/index.js';
import { onInteractionCreate } from './handlers/interaction-create.js';
import { onMessageCreate } from './handlers/message-create.js';
import type { Logger } from './logger.js';
import { RateLimiter } from './rate-limit.js';
import { joinCluster, type IpcPort } from './sharding/shard-link.js';

export interface BotOptions {
  readonly config: BotConfig;
  /** Must already hold a loaded knowledge base. */
  readonly knowledge: KnowledgeService;
  readonly logger: Logger;
  /** The channel to the shard manager, when this process is one of its shards. */
  readonly ipc?: IpcPort;
  /** Where questions and votes are kept; closed by stop(). Defaults to keeping nothing. */
  readonly feedback?: FeedbackStore;
  /** Called once when Discord refuses the bot for good (revoked token, sharding required, …). */
  readonly onFatal?: (problem: FatalProblem) => void;
}

export interface Bot {
  readonly client: Client;
  /** Logs in and resolves once the client is ready to serve. */
  start(): Promise<void>;
  stop(): Promise<void>;
  reload(by: string): Promise<ReloadOutcome>;
}

/** Wires the client, the handlers and their collaborators; builds nothing global. */
export function createBot({
  config,
  knowledge,
  logger,
  ipc,
  feedback = noFeedbackStore,
  onFatal,
}: BotOptions): Bot {
  const client = createClient(config);
  const reload = reloader(knowledge, logger);
  // discord.js read this shard's id from the SHARDS variable its ShardingManager set.
  const shardId = client.shard?.ids[0] ?? 0;
  const cluster = ipc
    ? joinCluster(ipc, {
        shardId,
        logger,
        reloadHere: async (by) => {
          const outcome = await reload(by);
          const { documents, passages } = knowledge.status();
          return { shardId, outcome, serving: { documents, passages } };
        },
      })
    : undefined;
  const context: BotContext = {
    config,
    knowledge,
    logger,
    limiter: new RateLimiter({
      count: config.RATE_LIMIT_COUNT,
      windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000,
    }),
    feedback,
    commandIds: new Map(),
    reload,
    ...(cluster ? { cluster } : {}),
  };
  listen(client, context, reportFatalOnce(logger, onFatal));

  return {
    client,
    async start() {
      const ready = once(client, Events.ClientReady);
      await client.login(config.DISCORD_TOKEN);
      await ready;
      await prepareSuggestedQuestions(knowledge.current(), knowledge.suggestedQuestions());
      await learnCommandIds(client, config, context.commandIds, logger);
      const rssMb = Math.round(process.memoryUsage.rss() / 2 ** 20);
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, rssMb }, 'ready');
    },
    async stop() {
      cluster?.close();
      await client.destroy();
      feedback.close();
    },
    reload,
  };
}

/** A reload that logs its outcome and prepares autocomplete for the new knowledge base. */
function reloader(knowledge: KnowledgeService, logger: Logger): (by: string) => Promise<ReloadOutcome> {
  return async (by) => {
    const outcome = await knowledge.reload(by);
    if (outcome.ok) {
      logger.info({ by, ...outcome }, 'knowledge base reloaded');
      // Autocomplete must answer within 3 s, so its suggestions are prepared now, not on first use.
      await prepareSuggestedQuestions(knowledge.current(), knowledge.suggestedQuestions());
    } else {
      logger.warn(
        { by, ms: outcome.ms, errors: outcome.errors },
        'knowledge base reload failed; keeping the old one',
      );
    }
    return outcome;
  };
}

/** Discord's refusals can arrive several ways at once (a close code, a 401); the owner hears of one. */
function reportFatalOnce(
  logger: Logger,
  onFatal?: (problem: FatalProblem) => void,
): (problem: FatalProblem) => void {
  let reported = false;
  return (problem) => {
    if (reported) return;
    reported = true;
    logger.fatal({ cause: problem.cause, remedy: problem.remedy }, 'Discord refused the bot');
    onFatal?.(problem);
  };
}

/** The client's events: the two handlers, and the logs and fatal closes nobody else watches. */
function listen(client: Client, context: BotContext, fatal: (problem: FatalProblem) => void): void {
  const { logger } = context;
  // Each handler replies to its own failures; whatever escapes that is logged, never left unhandled.
  const onInteraction = onInteractionCreate(context, commands);
  const onMessage = onMessageCreate(context);
  const escaped = (error: unknown) => logger.error({ err: error }, 'a handler failed outside its own catch');
  client.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction).catch(escaped));
  client.on(Events.MessageCreate, (message) => void onMessage(message).catch(escaped));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));
  client.on(Events.ShardError, (error, shardId) =>
    logger.warn({ err: error, shardId }, 'gateway connection error'),
  );
  // discord.js emits this only for the closes it will not reconnect after; without a listener the
  // process would idle on with no connection, or exit 0 as if it had stopped cleanly.
  client.on(Events.ShardDisconnect, (event) => {
    const problem = fatalGatewayClose(event.code);
    if (problem) fatal(problem);
  });
  // After a 401 discord.js forgets the token: every later reply would fail until a restart.
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status === 401 && request.data.auth !== false) fatal(REVOKED_TOKEN);
  });
  client.on(Events.ShardResume, (shardId) => logger.info({ shardId }, 'gateway session resumed'));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn(
      { route: info.route, retryAfterMs: info.retryAfter, global: info.global },
      'rate limited by Discord',
    ),
  );
}

/**
 * Command ids make `</ask:id>` mentions clickable in /help and abstentions. Guild commands (a test
 * server) win over global ones. Without them the text falls back to a plain `/ask`, so a failure
 * here is only a warning.
 */
async function learnCommandIds(
  client: Client,
  config: BotConfig,
  ids: Map<string, string>,
  logger: Logger,
): Promise<void> {
  // Set once the client is ready, which is when this runs.
  const commands = client.application?.commands;
  if (!commands) return;
  try {
    const global = await commands.fetch();
    for (const command of global.values()) ids.set(command.name, command.id);
    if (config.DISCORD_GUILD_ID) {
      const local = await commands.fetch({ guildId: config.DISCORD_GUILD_ID });
      for (const command of local.values()) ids.set(command.name, command.id);
    }
  } catch (error) {
    logger.warn({ err: error }, 'could not list the registered commands; /help shows plain command names');
  }
}
