import type { BotConfig } from '../config/index.js';
import type { KnowledgeService, ReloadOutcome } from '../core/index.js';
import type { FeedbackStore } from '../feedback/index.js';
import type { Logger } from './logger.js';
import type { RateLimiter } from './rate-limit.js';
import type { Cluster } from './sharding/shard-link.js';

/** What handlers and commands may use: injected once by createBot, never imported as globals. */
export interface BotContext {
  readonly config: BotConfig;
  readonly knowledge: KnowledgeService;
  readonly logger: Logger;
  readonly limiter: RateLimiter;
  /** Where every question asked and every 👍/👎 vote is recorded (a no-op store by default). */
  readonly feedback: FeedbackStore;
  /** Registered command ids by name, learnt at start, for clickable `</ask:id>` mentions; may be empty. */
  readonly commandIds: Map<string, string>;
  /** Reloads the knowledge base and logs the outcome; shared by /kb reload and SIGHUP. */
  readonly reload: (by: string) => Promise<ReloadOutcome>;
  /** Set when this process is one shard of several: `/kb reload` then reloads every shard. */
  readonly cluster?: Cluster;
}
