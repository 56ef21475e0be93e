import type { Result } from '../result.js';
import type { LoadError } from '../types.js';
import type { CacheOutcome, LoadProgress, Unchanged } from './load-knowledge.js';

/** What the load worker posts: progress while it works, then one `done`. */
export type WorkerReply =
  | { readonly progress: LoadProgress }
  | {
      readonly done: Result<
        | {
            readonly buffer: ArrayBuffer;
            readonly byteOffset: number;
            readonly byteLength: number;
            readonly cache: CacheOutcome;
            readonly cacheWriteError?: string;
            readonly key?: string;
            readonly suggestions?: readonly string[];
          }
        | Unchanged,
        LoadError[]
      >;
    };
