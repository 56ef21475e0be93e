import { createHash } from 'node:crypto';
import type { SearchIndex } from '../search/build-index.js';
import { loadIndex } from '../cache/load-index.js';
import type { KnowledgeBase, KnowledgeDocument, LoadError } from '../types.js';

export type ReloadOutcome =
  | {
      readonly ok: true;
      readonly documents: number;
      readonly passages: number;
      /** Document ids, sorted. */
      readonly added: readonly string[];
      readonly removed: readonly string[];
      readonly changed: readonly string[];
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
  /** Injectable for tests. */
  readonly now?: () => number;
}

/**
 * Holds the index that answers questions and replaces it only with a complete, valid one.
 * Readers call `current()` per question, so a question never sees a half-built index: the new one
 * is swapped in with a single assignment once it is fully built.
 */
export class KnowledgeService {
  #index: SearchIndex | undefined;
  #hashes = new Map<string, string>();
  #lastReload: KnowledgeStatus['lastReload'];
  // Reloads chain on this promise, so two at once run one after the other.
  #queue: Promise<unknown> = Promise.resolve();
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

  status(): KnowledgeStatus {
    const kb = this.#index?.kb;
    return {
      documents: kb?.documents.length ?? 0,
      passages: kb?.passages.length ?? 0,
      ...(this.#lastReload ? { lastReload: this.#lastReload } : {}),
    };
  }

  /** Re-reads the folder; on any error the previous index keeps serving. `by` is recorded for status. */
  reload(by: string): Promise<ReloadOutcome> {
    const run = this.#queue.then(() => this.#reload(by));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #reload(by: string): Promise<ReloadOutcome> {
    const started = this.#now();
    const elapsed = () => Math.round(this.#now() - started);
    const loaded = await loadIndex(this.#options.dir, {
      ...(this.#options.maxFileBytes !== undefined ? { maxFileBytes: this.#options.maxFileBytes } : {}),
      ...(this.#options.cacheDir ? { cacheDir: this.#options.cacheDir } : {}),
    });
    let outcome: ReloadOutcome;
    if (!loaded.ok) {
      outcome = { ok: false, errors: loaded.error, ms: elapsed() };
    } else {
      const { index } = loaded.value;
      const hashes = hashDocuments(index.kb);
      const diff = diffHashes(this.#hashes, hashes);
      this.#index = index;
      this.#hashes = hashes;
      outcome = {
        ok: true,
        documents: index.kb.documents.length,
        passages: index.kb.passages.length,
        ...diff,
        ms: elapsed(),
      };
    }
    this.#lastReload = { at: new Date(), by, outcome };
    return outcome;
  }
}

function hashDocuments(kb: KnowledgeBase): Map<string, string> {
  return new Map(kb.documents.map((doc) => [doc.id, hashDocument(doc)]));
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
