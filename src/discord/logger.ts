import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Anywhere a token could end up in a log object. */
const REDACT = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'headers.authorization',
  '*.headers.authorization',
];

/**
 * An interaction's token is in the path of every reply to it (`/interactions/{id}/{token}/callback`,
 * `/webhooks/{app}/{token}/…`) and lets anyone answer as the bot for 15 minutes, so it never reaches a log.
 */
const INTERACTION_TOKEN = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s"']+/g;

export const redactTokens = (text: string): string => text.replace(INTERACTION_TOKEN, '$1[redacted]');

/**
 * pino's error serializer, minus what discord.js errors carry that must not be logged: the request
 * body (`requestBody`: a member's question, an uploaded file) and interaction tokens in the URL,
 * message and stack.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const plain = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  return scrub(plain, 0);
}

const BODY_FIELDS = new Set(['requestBody', 'requestData', 'body', 'files']);

function scrub(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactTokens(value);
  if (typeof value !== 'object' || value === null || depth > 4) return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = BODY_FIELDS.has(key) ? '[redacted]' : scrub(field, depth + 1);
  }
  return out;
}

/** JSON lines on stderr (stdout stays free for the program's own output), tokens and bodies redacted. */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level,
      base: { app: 'casefile' },
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: { err: serializeError, reason: serializeError },
    },
    destination,
  );
}
