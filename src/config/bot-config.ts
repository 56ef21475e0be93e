import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../core/index.js';
import { coreConfigSchema } from './core-config.js';
import { describeEnvIssues } from './env.js';

const SNOWFLAKE = /^\d{17,20}$/;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

// `.env.example` ships `DISCORD_GUILD_ID=` and friends: an empty value means "not set", not "invalid".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const snowflake = (what: string) =>
  z
    .string()
    .trim()
    .regex(SNOWFLAKE, `must be ${what}: a Discord id of 17 to 20 digits, e.g. 1234567890123456789`);

/** `id1, id2`: a comma-separated list of snowflakes; empty means none. */
const snowflakeList = (what: string) =>
  optional(
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .pipe(z.array(snowflake(what))),
  );

const positiveInt = (example: string) =>
  z.coerce
    .number({ error: `must be a whole number, e.g. ${example}` })
    .int()
    .positive();

const onOff = (name: string, fallback: boolean) =>
  optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['on', 'off'], { error: `${name} must be "on" or "off"` })),
  ).transform((v) => (v === undefined ? fallback : v === 'on'));

/** Everything `npm start` and `npm run deploy-commands` read from the environment. */
export const botConfigSchema = coreConfigSchema.extend({
  DISCORD_TOKEN: z
    .string({
      error:
        'is missing: copy the bot token from https://discord.com/developers/applications → your app → Bot',
    })
    .trim()
    .min(1, 'is empty: copy the bot token from https://discord.com/developers/applications → your app → Bot'),
  DISCORD_APPLICATION_ID: z
    .string({ error: 'is missing: copy the Application ID from the developer portal (General Information)' })
    .trim()
    .regex(SNOWFLAKE, 'must be the Application ID from the developer portal: 17 to 20 digits'),
  DISCORD_GUILD_ID: optional(
    snowflake('the server id to register commands in (or leave it empty for global)'),
  ),
  MODERATOR_ROLE_IDS: snowflakeList('a comma-separated list of role ids').transform((ids) => ids ?? []),
  /**
   * The servers whose moderators control the case file (`/kb`). Unset: DISCORD_GUILD_ID's server when
   * that is set, otherwise none, so an admin of any other server the bot is in can never change it.
   */
  KB_GUILD_IDS: snowflakeList('a comma-separated list of server ids whose moderators may use /kb'),
  /** Where questions and votes are kept (SQLite) with the key that hashes user ids. */
  DATA_DIR: optional(z.string().trim().min(1)),
  /** A channel that gets one public line per change of the case file; unset: none. */
  MOD_LOG_CHANNEL_ID: optional(snowflake('a channel id for the moderation log')),
  RATE_LIMIT_COUNT: optional(positiveInt('5 (questions per window)')).transform((n) => n ?? 5),
  RATE_LIMIT_WINDOW_SECONDS: optional(positiveInt('30 (seconds)')).transform((n) => n ?? 30),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })).transform(
    (level) => level ?? 'info',
  ),
  DISCORD_API_URL: optional(
    z.url({
      protocol: /^https?$/,
      error: 'must be an http(s) URL without /v10, e.g. http://127.0.0.1:8080/api',
    }),
  ),
  /** `on`: a mention in a server channel is answered in a new thread on the member's message. */
  MENTION_THREADS: onOff('MENTION_THREADS', false),
  /** `off`: commands are deployed for server install only (no user install, no group DMs). */
  USER_INSTALL: onOff('USER_INSTALL', true),
  /** A reload (reading, validating, indexing) taking longer is stopped and reported; the next one can run. */
  RELOAD_TIMEOUT_SECONDS: optional(positiveInt('120 (seconds)')).transform((n) => n ?? 120),
  /** Unset: one process. `auto` (Discord's recommendation) or a number: one process per shard. */
  SHARDS: optional(
    z
      .string()
      .trim()
      .regex(
        /^(auto|[1-9]\d*)$/,
        'must be "auto" (as many as Discord recommends) or a number of shards, e.g. 2',
      )
      .transform((v): 'auto' | number => (v === 'auto' ? v : Number(v))),
  ),
  /**
   * The shards this process runs, of SHARD_COUNT in the whole bot: how an orchestrator (Compose,
   * systemd, Kubernetes) spreads one bot over several processes or machines with the same image.
   */
  SHARD_IDS: optional(
    z
      .string()
      .trim()
      .regex(/^\d+(\s*,\s*\d+)*$/, 'must be a comma-separated list of shard numbers, e.g. 0,1')
      .transform((v) => v.split(',').map((id) => Number(id.trim()))),
  ),
  SHARD_COUNT: optional(positiveInt('4 (the number of shards of the whole bot, the same in every process)')),
});

type ParsedBotConfig = z.infer<typeof botConfigSchema>;

/** The validated settings, with the defaults that depend on other settings filled in. */
export type BotConfig = Omit<ParsedBotConfig, 'KB_GUILD_IDS' | 'DATA_DIR'> & {
  readonly KB_GUILD_IDS: readonly string[];
  readonly DATA_DIR: string;
};

/** Beside the knowledge folder, not inside it: a moderator's upload can never land on the database. */
export const defaultDataDir = (knowledgeDir: string): string => {
  const dir = resolve(knowledgeDir);
  return join(dirname(dir), `${basename(dir)}-data`);
};

function withDerivedDefaults(parsed: ParsedBotConfig): BotConfig {
  return {
    ...parsed,
    KB_GUILD_IDS: parsed.KB_GUILD_IDS ?? (parsed.DISCORD_GUILD_ID ? [parsed.DISCORD_GUILD_ID] : []),
    DATA_DIR: parsed.DATA_DIR ?? defaultDataDir(parsed.KNOWLEDGE_DIR),
  };
}

/**
 * True in a process that discord.js's ShardingManager started for one shard. It sets
 * `SHARDING_MANAGER=true` and overwrites `SHARDS` with that shard's id (sharding/Shard.js).
 */
export function isShardProcess(env: Record<string, string | undefined>): boolean {
  return env.SHARDING_MANAGER === 'true';
}

/** Pure: validates the environment and says, per variable, what is wrong and what it should look like. */
export function parseBotConfig(env: Record<string, string | undefined>): Result<BotConfig, string[]> {
  // In a shard process SHARDS is discord.js's shard id and SHARD_COUNT its count, not the operator's
  // settings: a shard never shards.
  const parsed = botConfigSchema.safeParse(
    isShardProcess(env) ? { ...env, SHARDS: undefined, SHARD_IDS: undefined, SHARD_COUNT: undefined } : env,
  );
  if (!parsed.success) return err(describeEnvIssues(parsed.error));
  const problems = shardSelectionProblems(parsed.data);
  return problems.length > 0 ? err(problems) : ok(withDerivedDefaults(parsed.data));
}

/** SHARD_IDS and SHARD_COUNT go together, name existing shards, and replace SHARDS. */
function shardSelectionProblems({ SHARD_IDS: ids, SHARD_COUNT: count, SHARDS }: ParsedBotConfig): string[] {
  if (ids === undefined && count === undefined) return [];
  if (ids === undefined)
    return ['SHARD_IDS: is needed with SHARD_COUNT: the shards this process runs, e.g. 0,1'];
  if (count === undefined) {
    return ['SHARD_COUNT: is needed with SHARD_IDS: the number of shards of the whole bot, e.g. 4'];
  }
  const problems: string[] = [];
  if (SHARDS !== undefined) {
    problems.push(
      'SHARDS: leave it unset with SHARD_IDS (SHARDS starts one process per shard; SHARD_IDS runs the listed shards in this one)',
    );
  }
  const missing = ids.filter((id) => id >= count);
  if (missing.length > 0) {
    problems.push(
      `SHARD_IDS: ${missing.join(', ')} do not exist with SHARD_COUNT=${count}: use 0 to ${count - 1}`,
    );
  }
  if (new Set(ids).size !== ids.length) problems.push('SHARD_IDS: lists a shard twice');
  return problems;
}
