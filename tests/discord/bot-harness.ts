import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationCommandOptionType, PermissionFlagsBits, type APIApplicationCommand } from 'discord.js';
import { commandDefinitions } from '../../src/discord/commands/index.js';
import { snowflake } from '../support/fake-discord/ids.js';
import { vi } from 'vitest';
import { parseBotConfig, type BotConfig } from '../../src/config/bot-config.js';
import { KnowledgeService } from '../../src/core/service/knowledge-service.js';
import { createBot, type Bot } from '../../src/discord/bot.js';
import type { FeedbackStore } from '../../src/feedback/store.js';
import { createLogger } from '../../src/discord/logger.js';
import {
  DEFAULT_PERMISSIONS,
  requestTo,
  startFakeDiscord,
  type ChatInputCommand,
  type FakeDiscord,
  type RecordedRequest,
} from '../support/fake-discord/index.js';

export const callbackRoute = requestTo('POST', '/interactions/:id/:token/callback');
export const originalEditRoute = requestTo('PATCH', '/webhooks/:app/:token/messages/:message');
export const channelMessageRoute = requestTo('POST', '/channels/:channel/messages');
export const MODERATOR_PERMISSIONS = String(BigInt(DEFAULT_PERMISSIONS) | PermissionFlagsBits.ManageGuild);

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  knowledge: KnowledgeService;
  /** The temporary knowledge folder, a copy of knowledge/king-of-spam.md. */
  dir: string;
  logs: LogLine[];
  writeDocument(name: string, text: string): Promise<void>;
  /** Log lines are written after the reply is sent, so they can trail the request the fake saw. */
  waitForLog(fields: Partial<LogLine>): Promise<LogLine>;
  /** Sends `/ask` and resolves with the callback the bot sent for it. */
  ask(question: string, extra?: { dm?: boolean; private?: boolean }): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/**
 * The bot as production builds it (createBot → createClient), logged in to a fake Discord on
 * 127.0.0.1. Only the REST base URL differs, through the same DISCORD_API_URL operators use.
 */
export interface HarnessOptions {
  /** A folder to copy as the knowledge base instead of knowledge/king-of-spam.md. */
  readonly knowledgeFrom?: string;
  readonly feedback?: FeedbackStore;
  /** Register the commands (as deploy-commands would) before the bot starts, so it learns their ids. */
  readonly registerCommands?: boolean;
  /** Servers the fake creates; default 1. */
  readonly guildCount?: number;
}

export async function startHarness(
  /** Settings; a function when they name the fake's ids (servers, channels). */
  env: Record<string, string> | ((fake: FakeDiscord) => Record<string, string>) = {},
  options: HarnessOptions = {},
): Promise<Harness> {
  const fake = await startFakeDiscord({ heartbeatIntervalMs: 1000, guildCount: options.guildCount ?? 1 });
  const dir = await mkdtemp(join(tmpdir(), 'casefile-kb-'));
  if (options.knowledgeFrom) await cp(options.knowledgeFrom, dir, { recursive: true });
  else await cp('knowledge/king-of-spam.md', join(dir, 'king-of-spam.md'));
  const parsed = parseBotConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    KNOWLEDGE_DIR: dir,
    RATE_LIMIT_COUNT: '1000',
    // The first server controls the case file, as DISCORD_GUILD_ID would make it.
    KB_GUILD_IDS: fake.guildId,
    ...(typeof env === 'function' ? env(fake) : env),
  });
  if (!parsed.ok) throw new Error(parsed.error.join('\n'));
  const config: BotConfig = parsed.value;
  const logs: LogLine[] = [];
  const logger = createLogger(config.LOG_LEVEL, {
    write: (line: string) => void logs.push(JSON.parse(line) as LogLine),
  });
  const knowledge = new KnowledgeService({ dir });
  const first = await knowledge.reload('test');
  if (!first.ok) throw new Error('the sample knowledge folder did not load');
  if (options.registerCommands)
    fake.world.commands.set(
      '',
      commandDefinitions().map((body) => ({
        ...body,
        id: snowflake(),
        application_id: fake.applicationId,
        version: snowflake(),
      })) as APIApplicationCommand[],
    );
  const bot = createBot({
    config,
    knowledge,
    logger,
    ...(options.feedback ? { feedback: options.feedback } : {}),
  });
  await bot.start();

  return {
    fake,
    bot,
    knowledge,
    dir,
    logs,
    writeDocument: (name, text) => writeFile(join(dir, name), text),
    waitForLog: (fields) =>
      vi.waitFor(() => {
        const line = logs.find((l) => Object.entries(fields).every(([k, v]) => l[k] === v));
        if (!line) throw new Error(`no log line with ${JSON.stringify(fields)} in ${JSON.stringify(logs)}`);
        return line;
      }),
    async ask(question, extra = {}) {
      const options: ChatInputCommand['options'] & object = [
        { name: 'question', type: ApplicationCommandOptionType.String, value: question },
      ];
      if (extra.private)
        options.push({ name: 'private', type: ApplicationCommandOptionType.Boolean, value: true });
      const sent = fake.sendInteraction({ commandName: 'ask', options, ...(extra.dm ? { dm: true } : {}) });
      return fake.waitForRequest((r) => callbackRoute(r) && r.path.includes(sent.id) && r.status === 204);
    },
    async close() {
      await bot.stop();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Sends `/ask question` as a member would and waits until the bot has answered the interaction. */
export async function askAndWait(fake: FakeDiscord, question: string, timeout = 10_000) {
  const sent = fake.sendInteraction({
    commandName: 'ask',
    options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }],
  });
  await fake.waitForRequest((r) => callbackRoute(r) && r.path.includes(sent.id), timeout);
  return sent;
}

/** The `data` of an interaction callback or the body of a message send. */
export const payloadOf = (request: RecordedRequest): Record<string, any> => {
  const body = request.body as Record<string, any>;
  return (body.data ?? body) as Record<string, any>;
};
