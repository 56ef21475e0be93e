import { createHash } from 'node:crypto';
import { removeStaleTempFiles } from '../cache/index-cache.js';
import { loadKnowledgeInWorker } from '../knowledge/load-in-worker.js';
import {
  loadKnowledge,
  type LoadedIndex,
  type LoadKnowledgeOptions,
  type Unchanged,
} from '../knowledge/load-knowledge.js';
import type { SuggestionOptions } from '../knowledge/suggested-questions.js';
import { pacer, type Pacer } from '../pace.js';
import type { Result } from '../result.js';
import type { SearchIndex } from '../search/build-index.js';
import type { KnowledgeDocument, LoadError } from '../types.js';

export type ReloadOutcome =
  | {
      readonly ok: true;
      readonly documents: number;
      readonly passages: number;
      /** Document ids, sorted. */
      readonly added: readonly string[];
      readonly removed: readonly string[];
      readonly changed: readonly string[];
      /** What loaded but not quite as written (`file:line` like errors); never a reason to refuse. */
      readonly warnings?: readonly LoadError[];
      readonly ms: number;
    }
  | { readonly ok: false; readonly errors: readonly LoadError[]; readonly ms: number };

export interface KnowledgeStatus {
  readonly documents: number;
  readonly passages: number;
  /** The last reload attempt, successful or not; undefined before the first. */
  readonly lastReload?: { readonly at: Date; readonly by: string; readonly outcome: ReloadOutcome };
}

export interface KnowledgeServiceOptions {
  readonly dir: string;
  readonly maxFileBytes?: number;
  /** Where built indexes are saved, so a restart or an unchanged reload skips indexing. */
  readonly cacheDir?: string | undefined;
  /** A reload taking longer is stopped and reported, naming the files still being read. */
  readonly reloadTimeoutMs?: number;
  /** Work out, with each load and where it runs, the questions the index answers (`suggestedQuestions()`). */
  readonly suggest?: SuggestionOptions;
  /** Injectable for tests: how a folder becomes an index (default: on a worker thread). */
  readonly load?: Loader;
  /** Injectable for tests. */
  readonly now?: () => number;
}

/** How a folder becomes an index; `unchanged` (see `unchangedFrom`) keeps the index in use. */
export type Loader = (
  dir: string,
  options: Omit<LoadKnowledgeOptions, 'onProgress'> & {
    readonly timeoutMs: number;
    /** The index in use, whose documents `known` describes (see `loadKnowledgeInWorker`). */
    readonly previous?: SearchIndex | undefined;
  },
) => Promise<Result<LoadedIndex | Unchanged, LoadError[]>>;

export const DEFAULT_RELOAD_TIMEOUT_MS = 120_000;

const loadInProcess: Loader = (dir, { timeoutMs: _, ...options }) => loadKnowledge(dir, options);
/** Main-thread slices while the document fingerprints of a reloaded base are taken. */
const SLICE_MS = 10;

/**
 * Holds the index that answers questions and replaces it only with a complete, valid one.
 * Readers call `current()` per question, so a question never sees a half-built index: the new one
 * is swapped in with a single assignment once it is fully built. Loading runs on a worker thread and
 * is stopped after `reloadTimeoutMs`; requests that arrive while a reload runs are coalesced into one
 * more reload, which sees every change made before it starts.
 */
export class KnowledgeService {
  #index: SearchIndex | undefined;
  #hashes = new Map<string, string>();
  /** The key of the files the index in use was made from (see `cacheKey`). */
  #key: string | undefined;
  /** Digests of the documents of the index in use: a reload brings in only the others. */
  #digests: ReadonlyMap<string, string> = new Map();
  #suggestions: readonly string[] | undefined;
  #lastReload: KnowledgeStatus['lastReload'];
  #running: Promise<ReloadOutcome> | undefined;
  #next: Promise<ReloadOutcome> | undefined;
  #startedUp = false;
  readonly #options: KnowledgeServiceOptions;
  readonly #now: () => number;

  constructor(options: KnowledgeServiceOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
  }

  /** The index in use. Throws before the first successful reload: that is a wiring bug. */
  current(): SearchIndex {
    if (!this.#index) throw new Error('KnowledgeService: no knowledge base loaded yet; call reload() first');
    return this.#index;
  }

  /** The questions the index in use answers, when `suggest` was given (see `suggestedQuestions`). */
  suggestedQuestions(): readonly string[] | undefined {
    return this.#suggestions;
  }

  status(): KnowledgeStatus {
    return {
      documents: this.#index?.documentCount ?? 0,
      passages: this.#index?.passageCount ?? 0,
      ...(this.#lastReload ? { lastReload: this.#lastReload } : {}),
    };
  }

  /**
   * Re-reads the folder; on any error the previous index keeps serving. `by` is recorded for status.
   * While a reload runs, every further request shares one reload that starts when it ends.
   */
  reload(by: string): Promise<ReloadOutcome> {
    if (this.#next) return this.#next;
    if (!this.#running) return this.#start(by);
    const next = this.#running
      .catch(() => undefined)
      .then(() => {
        this.#next = undefined;
        return this.#start(by);
      });
    this.#next = next;
    return next;
  }

  #start(by: string): Promise<ReloadOutcome> {
    const run = this.#reload(by);
    this.#running = run;
    const clear = () => {
      if (this.#running === run) this.#running = undefined;
    };
    run.then(clear, clear);
    return run;
  }

  async #reload(by: string): Promise<ReloadOutcome> {
    const started = this.#now();
    const elapsed = () => Math.round(this.#now() - started);
    const { dir, maxFileBytes, cacheDir, suggest } = this.#options;
    if (!this.#startedUp && cacheDir) await removeStaleTempFiles(cacheDir);
    this.#startedUp = true;
    // The first load runs here: nothing is being answered yet, and a worker would load every module a
    // second time before starting. Every later reload runs on a worker while questions are answered.
    const load = this.#options.load ?? (this.#index ? loadKnowledgeInWorker : loadInProcess);
    // Files exactly as those of the index in use (a SIGHUP or /kb reload with nothing changed) leave
    // it in place: nothing is decoded on this thread.
    const loaded = await load(dir, {
      timeoutMs: this.#options.reloadTimeoutMs ?? DEFAULT_RELOAD_TIMEOUT_MS,
      withKey: true,
      ...(this.#index && this.#key !== undefined ? { unchangedFrom: this.#key } : {}),
      ...(this.#index && this.#digests.size > 0
        ? { known: Object.fromEntries(this.#digests), previous: this.#index }
        : {}),
      ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
      ...(cacheDir ? { cacheDir } : {}),
      ...(suggest ? { suggest } : {}),
    });
    let outcome: ReloadOutcome;
    if (!loaded.ok) {
      outcome = { ok: false, errors: loaded.error, ms: elapsed() };
    } else if ('unchanged' in loaded.value && this.#index) {
      const index = this.#index;
      outcome = {
        ok: true,
        documents: index.documentCount,
        passages: index.passageCount,
        added: [],
        removed: [],
        changed: [],
        warnings: index.warnings,
        ms: elapsed(),
      };
    } else if ('unchanged' in loaded.value) {
      outcome = {
        ok: false,
        errors: [{ file: dir, message: 'nothing was loaded: reload again' }],
        ms: elapsed(),
      };
    } else {
      const { index, key, digests, suggestions } = loaded.value;
      const hashes = await hashDocuments(index.documents(), pacer(SLICE_MS, 1));
      const diff = diffHashes(this.#hashes, hashes);
      this.#index = index;
      this.#hashes = hashes;
      this.#key = key;
      this.#digests = digests ?? new Map();
      this.#suggestions = suggestions;
      outcome = {
        ok: true,
        documents: index.documentCount,
        passages: index.passageCount,
        ...diff,
        warnings: index.warnings,
        ms: elapsed(),
      };
    }
    this.#lastReload = { at: new Date(), by, outcome };
    return outcome;
  }
}

// A reload keeps the document objects that did not change (see IndexPayload): those are not hashed again.
const hashOf = new WeakMap<KnowledgeDocument, string>();

async function hashDocuments(
  documents: readonly KnowledgeDocument[],
  pace: Pacer,
): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const doc of documents) {
    let hash = hashOf.get(doc);
    if (hash === undefined) hashOf.set(doc, (hash = hashDocument(doc)));
    hashes.set(doc.id, hash);
    if (pace.due()) await pace.pause();
  }
  return hashes;
}

/** What a reader would notice: title, tags, link and body. */
function hashDocument(doc: KnowledgeDocument): string {
  const fields = [
    doc.title,
    doc.tags.join('\u0000'),
    doc.url ?? '',
    doc.source ?? '',
    doc.date ?? '',
    doc.body,
  ];
  return createHash('sha256').update(fields.join('\u0001')).digest('hex');
}

function diffHashes(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>) {
  const added = [...after.keys()].filter((id) => !before.has(id)).sort();
  const removed = [...before.keys()].filter((id) => !after.has(id)).sort();
  const changed = [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id)).sort();
  return { added, removed, changed };
}
