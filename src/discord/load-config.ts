import { parseBotConfig, type BotConfig } from '../config/bot-config.js';
import { readDotenv } from '../config/env.js';
import { EXIT_BAD_CONFIG } from './exit-codes.js';

/**
 * Reads `.env` and the environment into a validated config, or prints each wrong variable and exits
 * with EXIT_BAD_CONFIG: the shared start of every entry point (bot, shard manager, deploy-commands).
 */
export function loadBotConfigOrExit(): BotConfig {
  readDotenv();
  const parsed = parseBotConfig(process.env);
  if (parsed.ok) return parsed.value;
  process.stderr.write(
    `Bad configuration (see .env.example):\n${parsed.error.map((e) => `  ${e}`).join('\n')}\n`,
  );
  process.exit(EXIT_BAD_CONFIG);
}
