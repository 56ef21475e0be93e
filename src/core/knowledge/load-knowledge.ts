import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { decode } from '../cache/binary-codec.js';
import { encode } from '../cache/binary-codec.js';
import { cacheKey } from '../cache/cache-key.js';
import { readCacheFile, writeCacheFile, type CacheMiss } from '../cache/index-cache.js';
import { DEFAULT_MAX_FILE_BYTES, parser } from '../load/knowledge-base.js';
import { readKnowledgeFiles, type ReadProgress } from '../load/read-files.js';
import { UNPACED, type Pacer } from '../pace.js';
import { err, ok, type Result } from '../result.js';
import { buildIndexAsync, type SearchIndex } from '../search/build-index.js';
import {
  assembleFromParts,
  indexParts,
  listsFromParts,
  passageLists,
  type IndexParts,
} from '../search/index-parts.js';
import type { LoadError } from '../types.js';
import { indexFingerprint } from './fingerprint.js';
import {
  documentDigests,
  reloadPayload,
  restorePayload,
  type DocumentDigests,
  type ReloadPayload,
} from './reload-payload.js';
import { suggestedQuestions, type SuggestionOptions } from './suggested-questions.js';

export interface LoadKnowledgeOptions {
  readonly maxFileBytes?: number;
  /** Folder for saved indexes; without it every load rebuilds. */
  readonly cacheDir?: string | undefined;
  /** Knowledge bases smaller than this many bytes are indexed faster than a cache is read and checked. */
  readonly cacheMinBytes?: number;
  /** Told when each stage starts and which files are being read, so a stuck load can be described. */
  readonly onProgress?: (progress: LoadProgress) => void;
  /**
   * Report the files' key (see `cacheKey`) and the documents' digests (see `ReloadPayload`): what a
   * later load passes as `unchangedFrom` and `known`.
   */
  readonly withKey?: boolean;
  /**
   * The key of the index in use: when the files give the same key, nothing is validated, indexed or
   * decoded, and the load says `unchanged` (supported by `loadKnowledgeBytes` and the worker).
   */
  readonly unchangedFrom?: string;
  /**
   * For `loadKnowledgeBytes`: digests of the documents the receiver holds (see `digests`). Those are
   * left out of the bytes, and `indexFromPayload` takes them from the receiver's index.
   */
  readonly known?: Readonly<Record<string, string>>;
  /** Also work out the questions the index answers (see `suggestedQuestions`), on the loading thread. */
  readonly suggest?: SuggestionOptions;
}

export type LoadStage = 'reading' | 'validating' | 'indexing' | 'saving';
export type LoadProgress = { readonly stage: LoadStage } | ReadProgress;

export const DEFAULT_CACHE_MIN_BYTES = 256 * 1024;

/** How the index was obtained: `hit` from the cache; otherwise built, and why the cache was not used. */
export type CacheOutcome = 'hit' | 'off' | CacheMiss;

export interface LoadedIndex {
  readonly index: SearchIndex;
  readonly cache: CacheOutcome;
  /** Set when the rebuilt index could not be saved (the index itself is fine). */
  readonly cacheWriteError?: string;
  /** The files' key, when asked for (`withKey`) or computed for the cache. */
  readonly key?: string;
  /** The documents' digests, when asked for (`withKey`) or the index came from a worker. */
  readonly digests?: DocumentDigests;
  /** When asked for (`suggest`). */
  readonly suggestions?: readonly string[];
}

/** The same load, ending in the index's encoded parts: what a worker thread hands back. */
export interface LoadedBytes {
  readonly bytes: Uint8Array;
  readonly cache: CacheOutcome;
  readonly cacheWriteError?: string;
  readonly key?: string;
  readonly suggestions?: readonly string[];
}

/** The files are exactly those of the index in use (`unchangedFrom`): nothing was loaded. */
export interface Unchanged {
  readonly unchanged: true;
  readonly key: string;
}

/**
 * The one way a knowledge folder becomes an index: read → cache → validate → index. The files are
 * always read and hashed; when a saved index has the same hash (and the same answerer version) it is
 * used instead of validating and indexing again. Otherwise the folder is validated and indexed and
 * the result saved. Either a complete index or every problem found, as `file:line` errors.
 *
 * ### Usage
 * ```ts
 * const loaded = await loadKnowledge('knowledge', { cacheDir: '.cache/index' });
 * if (!loaded.ok) for (const e of loaded.error) console.error(formatLoadError(e));
 * ```
 */
export async function loadKnowledge(
  dir: string,
  options: LoadKnowledgeOptions = {},
): Promise<Result<LoadedIndex, LoadError[]>> {
  const opened = await openKnowledge(dir, options);
  if (!opened.ok) return opened;
  const { cached, build, key } = opened.value;
  const keyed = key !== undefined ? { key } : {};
  const withDigests = (index: SearchIndex) => (options.withKey ? { digests: documentDigests(index) } : {});
  if (cached) {
    try {
      const index = await indexFromBytes(cached);
      return ok({ index, cache: 'hit', ...keyed, ...withDigests(index), ...(await suggestionsOf(index, options)) });
    } catch {
      // A checksum that matches bytes this version cannot read: rebuilt and saved over below.
    }
  }
  const built = await build(false);
  if (!built.ok) return built;
  const { cache, cacheWriteError, bytes } = built.value;
  // Once saved, the index is served as a restart would load it: packed columns and arrays viewing the
  // saved bytes hold a quarter of the heap of the index just built (its MiniSearch tree, an object per
  // passage and term list), which is left to the collector.
  const index = bytes ? await indexFromBytes(bytes) : built.value.index;
  return ok({
    index,
    cache,
    ...keyed,
    ...withDigests(index),
    ...(await suggestionsOf(index, options)),
    ...(cacheWriteError !== undefined ? { cacheWriteError } : {}),
  });
}

async function suggestionsOf(index: SearchIndex, { suggest }: LoadKnowledgeOptions) {
  return suggest ? { suggestions: await suggestedQuestions(index, suggest) } : {};
}

/**
 * `loadKnowledge`, but handing back the encoded index for another thread: a `ReloadPayload`, without
 * the documents `known` says the receiver holds (see `indexFromPayload`).
 */
export async function loadKnowledgeBytes(
  dir: string,
  options: LoadKnowledgeOptions = {},
): Promise<Result<LoadedBytes | Unchanged, LoadError[]>> {
  const opened = await openKnowledge(dir, options);
  if (!opened.ok) return opened;
  const { cached, build, key } = opened.value;
  // The same files as the index in use: the caller keeps it, and nothing needs decoding.
  if (key !== undefined && key === options.unchangedFrom) return ok({ unchanged: true, key });
  const keyed = key !== undefined ? { key } : {};
  const known: DocumentDigests = new Map(Object.entries(options.known ?? {}));
  if (cached) {
    try {
      // Decoded here, on the worker, to leave out what the receiver holds.
      const parts = (await decode(cached, UNPACED, { views: true })) as IndexParts;
      const lists = await listsFromParts(parts);
      const payload = reloadPayload(parts, lists, known);
      const suggested = options.suggest ? await suggestionsOf(await assembleFromParts(parts, UNPACED, lists), options) : {};
      return ok({ bytes: encode(payload), cache: 'hit', ...keyed, ...suggested });
    } catch {
      // Bytes this version cannot read: rebuilt and saved over below.
    }
  }
  const built = await build(true);
  if (!built.ok) return built;
  const { index, parts, cache, cacheWriteError } = built.value;
  const payload = reloadPayload(parts!, passageLists(index), known);
  return ok({
    bytes: encode(payload),
    cache,
    ...keyed,
    ...(await suggestionsOf(index, options)),
    ...(cacheWriteError !== undefined ? { cacheWriteError } : {}),
  });
}

/**
 * Brings back an index from `loadKnowledgeBytes`, paced: documents left out (see `known`) are taken
 * from `previous`, the index those digests came from.
 */
export async function indexFromPayload(
  bytes: Uint8Array,
  pace: Pacer = UNPACED,
  previous?: SearchIndex,
): Promise<{ index: SearchIndex; digests: DocumentDigests }> {
  const payload = (await decode(bytes, pace, { views: true })) as ReloadPayload;
  if (!Array.isArray(payload.ids) || !Array.isArray(payload.digests)) throw new Error('not a reload payload');
  const { parts, lists, digests } = await restorePayload(payload, previous, pace);
  return { index: await assembleFromParts(parts, pace, lists), digests };
}

/**
 * Brings back an index from `loadKnowledgeBytes` or the cache; paced, it lets the event loop in. The
 * index's number arrays (most of `bytes`) stay views of `bytes`, which must not be reused.
 */
export async function indexFromBytes(bytes: Uint8Array, pace: Pacer = UNPACED): Promise<SearchIndex> {
  return assembleFromParts((await decode(bytes, pace, { views: true })) as IndexParts, pace);
}

interface Built {
  readonly index: SearchIndex;
  /** Set when bytes were wanted or the index is cached. */
  readonly parts?: IndexParts;
  readonly bytes?: Uint8Array;
  readonly cache: CacheOutcome;
  readonly cacheWriteError?: string;
}

interface Opened {
  /** The saved index, when it matches the files. */
  readonly cached?: Uint8Array;
  /** The files' key, when there is a cache or it was asked for. */
  readonly key?: string;
  /** Validates and indexes the files read, and saves the result when it is worth caching. */
  readonly build: (wantBytes: boolean) => Promise<Result<Built, LoadError[]>>;
}

async function openKnowledge(
  dir: string,
  options: LoadKnowledgeOptions,
): Promise<Result<Opened, LoadError[]>> {
  const progress = options.onProgress ?? (() => undefined);
  progress({ stage: 'reading' });
  const read = await readKnowledgeFiles(dir, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, progress);
  if (read.errors.length > 0) return (await parser()).parseKnowledgeFiles(dir, read) as Result<never, LoadError[]>;
  const bytes = read.files.reduce((sum, f) => sum + f.bytes.length, 0);
  const worthCaching = bytes >= (options.cacheMinBytes ?? DEFAULT_CACHE_MIN_BYTES);
  const cacheDir = worthCaching ? options.cacheDir : undefined;
  const wantKey = cacheDir !== undefined || options.withKey === true || options.unchangedFrom !== undefined;
  const key = wantKey ? cacheKey(read.files, indexFingerprint()) : '';
  const file = cacheDir
    ? join(cacheDir, `${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16)}.index`)
    : '';
  const cached = cacheDir ? await readCacheFile(file, key) : undefined;

  const build = async (wantBytes: boolean): Promise<Result<Built, LoadError[]>> => {
    progress({ stage: 'validating' });
    const kb = (await parser()).parseKnowledgeFiles(dir, read);
    if (!kb.ok) return err(kb.error);
    progress({ stage: 'indexing' });
    const index = await buildIndexAsync(kb.value);
    const cache: CacheOutcome = cached ? (cached.ok ? 'corrupt' : cached.error) : 'off';
    if (!wantBytes && !cacheDir) return ok({ index, cache });
    progress({ stage: 'saving' });
    const parts = indexParts(index);
    if (!cacheDir) return ok({ index, parts, cache });
    const encoded = encode(parts);
    try {
      await writeCacheFile(file, key, encoded);
      return ok({ index, parts, bytes: encoded, cache });
    } catch (e) {
      return ok({ index, parts, bytes: encoded, cache, cacheWriteError: (e as Error).message });
    }
  };
  return ok({ ...(cached?.ok ? { cached: cached.value } : {}), ...(wantKey ? { key } : {}), build });
}
