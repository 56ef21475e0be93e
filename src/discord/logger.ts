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

/** JSON lines on stderr (stdout stays free for the program's own output), tokens redacted. */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    { level, base: { app: 'casefile' }, redact: { paths: REDACT, censor: '[redacted]' } },
    destination,
  );
}
