import type { BotConfig } from '../config/bot-config.js';
import type { KnowledgeService, ReloadOutcome } from '../core/service/knowledge-service.js';
import type { Logger } from './logger.js';
import type { RateLimiter } from './rate-limit.js';

/** What handlers and commands may use: injected once by createBot, never imported as globals. */
export interface BotContext {
  readonly config: BotConfig;
  readonly knowledge: KnowledgeService;
  readonly logger: Logger;
  readonly limiter: RateLimiter;
  /** Reloads the knowledge base and logs the outcome; shared by /kb reload and SIGHUP. */
  readonly reload: (by: string) => Promise<ReloadOutcome>;
}
