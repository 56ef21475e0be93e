import { z } from 'zod';
import { DEFAULT_MAX_FILE_BYTES } from '../core/index.js';
import { describeEnvIssues } from './env.js';
import { err, ok, type Result } from '../core/result.js';

/** Settings the core needs wherever it runs: CLI, bot, benchmarks. */
export const coreConfigSchema = z.object({
  KNOWLEDGE_DIR: z.string().min(1).default('knowledge'),
  MAX_FILE_BYTES: z.coerce
    .number({ error: 'must be a number of bytes, e.g. 5242880 for 5 MB' })
    .int()
    .positive()
    .default(DEFAULT_MAX_FILE_BYTES),
});

export type CoreConfig = z.infer<typeof coreConfigSchema>;

export function parseCoreConfig(env: Record<string, string | undefined>): Result<CoreConfig, string[]> {
  const parsed = coreConfigSchema.safeParse(env);
  return parsed.success ? ok(parsed.data) : err(describeEnvIssues(parsed.error));
}
