import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, parseKnowledgeFiles } from '../load/knowledge-base.js';
import { readKnowledgeFiles } from '../load/read-files.js';
import { err, ok, type Result } from '../result.js';
import { buildIndexAsync, type SearchIndex } from '../search/build-index.js';
import type { LoadError } from '../types.js';
import { cacheKey } from './cache-key.js';
import { readIndexCache, writeIndexCache, type CacheMiss } from './index-cache.js';

export interface LoadIndexOptions {
  readonly maxFileBytes?: number;
  /** Folder for saved indexes; without it every load rebuilds. */
  readonly cacheDir?: string;
  /** Knowledge bases smaller than this many bytes are indexed faster than a cache is read and checked. */
  readonly cacheMinBytes?: number;
}

export const DEFAULT_CACHE_MIN_BYTES = 256 * 1024;

export interface LoadedIndex {
  readonly index: SearchIndex;
  /** `hit`: read from the cache; otherwise built, and why the cache was not used. */
  readonly cache: 'hit' | 'off' | CacheMiss;
  /** Set when the rebuilt index could not be saved (the index itself is fine). */
  readonly cacheWriteError?: string;
}

/**
 * Loads a knowledge folder into a ready index. The files are always read and hashed; when a saved index
 * has the same hash (and the same answerer version) it is used instead of validating, chunking and
 * indexing again. Otherwise the folder is validated and indexed as usual and the result saved.
 */
export async function loadIndex(
  dir: string,
  options: LoadIndexOptions = {},
): Promise<Result<LoadedIndex, LoadError[]>> {
  const read = await readKnowledgeFiles(dir, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  const bytes = read.files.reduce((sum, f) => sum + f.bytes.length, 0);
  const worthCaching = bytes >= (options.cacheMinBytes ?? DEFAULT_CACHE_MIN_BYTES);
  if (read.errors.length > 0 || !options.cacheDir || !worthCaching) {
    const kb = parseKnowledgeFiles(dir, read);
    return kb.ok ? ok({ index: await buildIndexAsync(kb.value), cache: 'off' }) : kb;
  }
  const key = cacheKey(read.files);
  const file = join(
    options.cacheDir,
    `${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16)}.index`,
  );
  const cached = await readIndexCache(file, key);
  if (cached.ok) return ok({ index: cached.value, cache: 'hit' });
  const kb = parseKnowledgeFiles(dir, read);
  if (!kb.ok) return err(kb.error);
  const index = await buildIndexAsync(kb.value);
  try {
    await writeIndexCache(file, key, index);
    return ok({ index, cache: cached.error });
  } catch (e) {
    return ok({ index, cache: cached.error, cacheWriteError: (e as Error).message });
  }
}
