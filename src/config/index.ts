// The configuration layer's whole surface: the adapters read settings through this file alone
// (eslint.config.js), so the core's and the bot's schemas can be rearranged without touching them.
export { readDotenv } from './env.js';
export { cacheDirOf, parseCoreConfig, type CoreConfig } from './core-config.js';
export { defaultDataDir, isShardProcess, parseBotConfig, type BotConfig } from './bot-config.js';
