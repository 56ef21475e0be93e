import { z } from 'zod';
import { DEFAULT_MAX_FILE_BYTES, err, ok, type Result } from '../core/index.js';
import { describeEnvIssues } from './env.js';

/** Settings the core needs wherever it runs: CLI, bot, benchmarks. */
export const coreConfigSchema = z.object({
  KNOWLEDGE_DIR: z
    .string()
    .trim()
    .min(
      1,
      'is empty: set it to the folder of knowledge files (e.g. KNOWLEDGE_DIR=knowledge), or delete the line to use ./knowledge',
    )
    .default('knowledge'),
  MAX_FILE_BYTES: z.coerce
    .number({ error: 'must be a number of bytes, e.g. 5242880 for 5 MB' })
    .int()
    .positive()
    .default(DEFAULT_MAX_FILE_BYTES),
  /** Where built indexes are saved for a quick start; "off" rebuilds every time. */
  INDEX_CACHE_DIR: z.string().min(1).default('.cache/index'),
});

export type CoreConfig = z.infer<typeof coreConfigSchema>;

/** The cache folder, or undefined when the cache is switched off. */
export const cacheDirOf = (config: CoreConfig): string | undefined =>
  config.INDEX_CACHE_DIR === 'off' ? undefined : config.INDEX_CACHE_DIR;

export function parseCoreConfig(env: Record<string, string | undefined>): Result<CoreConfig, string[]> {
  const parsed = coreConfigSchema.safeParse(env);
  return parsed.success ? ok(parsed.data) : err(describeEnvIssues(parsed.error));
}
