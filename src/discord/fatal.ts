import { GatewayCloseCodes } from 'discord.js';

/** Something a restart cannot fix: the process must stop and say what the operator has to change. */
export interface FatalProblem {
  /** What happened, naming Discord's code. */
  readonly cause: string;
  /** What to do about it. */
  readonly remedy: string;
}

const PORTAL = 'https://discord.com/developers/applications';

/**
 * The gateway closes that discord.js gives up on (it emits `shardDisconnect` and never reconnects).
 * Each ends the process with EXIT_BAD_CONFIG, so a supervisor sees a failure, not a clean stop.
 */
const FATAL_CLOSES: ReadonlyMap<number, FatalProblem> = new Map([
  [
    GatewayCloseCodes.AuthenticationFailed,
    {
      cause:
        'Discord closed the gateway with 4004 (authentication failed): the bot token was reset or revoked',
      remedy: `copy a new token from ${PORTAL} → your app → Bot → Reset Token into DISCORD_TOKEN and restart`,
    },
  ],
  [
    GatewayCloseCodes.InvalidShard,
    {
      cause: 'Discord closed the gateway with 4010 (invalid shard)',
      remedy: 'set SHARDS=auto (or leave it unset) and restart',
    },
  ],
  [
    GatewayCloseCodes.ShardingRequired,
    {
      cause:
        'Discord closed the gateway with 4011 (sharding required): the bot is in too many servers for one connection',
      remedy: 'set SHARDS=auto and restart',
    },
  ],
  [
    GatewayCloseCodes.InvalidAPIVersion,
    {
      cause: 'Discord closed the gateway with 4012 (invalid API version)',
      remedy: 'update Casefile and its discord.js (npm ci on a newer release) and restart',
    },
  ],
  [
    GatewayCloseCodes.InvalidIntents,
    {
      cause: 'Discord closed the gateway with 4013 (invalid intents)',
      remedy: 'this is a bug in the intents Casefile asks for: report it with this line',
    },
  ],
  [
    GatewayCloseCodes.DisallowedIntents,
    {
      cause:
        'Discord closed the gateway with 4014 (disallowed intents): the bot asked for a privileged intent the application may not use',
      remedy: `enable it in ${PORTAL} → your app → Bot → Privileged Gateway Intents, or run an unmodified Casefile (it needs none), and restart`,
    },
  ],
]);

/** The problem behind a gateway close code, or undefined when discord.js will reconnect by itself. */
export const fatalGatewayClose = (code: number): FatalProblem | undefined => FATAL_CLOSES.get(code);

/** After a 401 discord.js drops the token, so every later request would fail until a restart. */
export const REVOKED_TOKEN: FatalProblem = {
  cause: 'Discord answered 401 Unauthorized: the bot token was reset or revoked',
  remedy: `copy a new token from ${PORTAL} → your app → Bot → Reset Token into DISCORD_TOKEN and restart`,
};

/** The one line a stopping process prints for a person, whatever the log level. */
export const fatalLine = (problem: FatalProblem): string =>
  `Casefile stopped: ${problem.cause}. What to do: ${problem.remedy}.`;
