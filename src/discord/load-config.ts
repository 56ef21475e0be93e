import { parseBotConfig, type BotConfig, readDotenv } from '../config/index.js';
import { configReport } from '../shared/adapter.js';

/**
 * Reads `.env` and the environment into a validated config, or prints each wrong variable and gives
 * undefined: the shared start of every entry point (bot, shard manager, deploy-commands), which then
 * exits with EXIT.badConfig.
 */
export function loadBotConfig(): BotConfig | undefined {
  readDotenv();
  const parsed = parseBotConfig(process.env);
  if (parsed.ok) return parsed.value;
  process.stderr.write(configReport(parsed.error, ' (see .env.example)'));
  return undefined;
}
