import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { err, ok, type Result } from '../result.js';
import {
  assembleIndex,
  miniSearchOptions,
  type IndexedPassage,
  type SearchIndex,
} from '../search/build-index.js';
import { tagsFromJson, tagsToJson, type TagsJson } from '../tag/tags-json.js';
import type { KnowledgeBase } from '../types.js';
import { INDEX_FORMAT } from './cache-key.js';

interface Header {
  readonly format: number;
  readonly key: string;
  /** sha256 of the payload line: a truncated or edited file is caught before it is parsed. */
  readonly sha256: string;
}

interface Payload {
  readonly kb: KnowledgeBase;
  /** Passage terms joined by spaces (far smaller than arrays of strings in JSON). */
  readonly terms: readonly string[];
  readonly mini: AsPlainObject;
  /** Typed mentions by passage, flattened (see tags-json). */
  readonly tags: TagsJson;
}

export type CacheMiss = 'missing' | 'stale' | 'corrupt';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Saves a built index under `key`: a header line, then the payload. Written to a temporary file and
 * renamed, so a reader never sees half a file and a crash leaves the old cache whole.
 */
export async function writeIndexCache(file: string, key: string, index: SearchIndex): Promise<void> {
  const payload = JSON.stringify({
    kb: index.kb,
    terms: index.passageTerms.map((t) => t.join(' ')),
    mini: index.mini.toJSON(),
    tags: tagsToJson(index.tags),
  } satisfies Payload);
  const header: Header = { format: INDEX_FORMAT, key, sha256: sha256(payload) };
  const tmp = `${file}.${process.pid}.tmp`;
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(tmp, `${JSON.stringify(header)}\n${payload}`);
    await rename(tmp, file);
  } finally {
    await rm(tmp, { force: true });
  }
}

/** The saved index for `key`, or why there is none: a stale or damaged cache is never served. */
export async function readIndexCache(file: string, key: string): Promise<Result<SearchIndex, CacheMiss>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return err('missing');
  }
  const cut = text.indexOf('\n');
  try {
    const header = JSON.parse(text.slice(0, cut)) as Partial<Header>;
    if (header.format !== INDEX_FORMAT || header.key !== key) return err('stale');
    const body = text.slice(cut + 1);
    if (cut < 0 || header.sha256 !== sha256(body)) return err('corrupt');
    const payload = JSON.parse(body) as Payload;
    const { kb, terms } = payload;
    if (
      !Array.isArray(kb?.documents) ||
      !Array.isArray(kb.passages) ||
      terms?.length !== kb.passages.length
    ) {
      return err('corrupt');
    }
    const tags = tagsFromJson(payload.tags, kb.passages.length);
    if (!tags) return err('corrupt');
    const mini = MiniSearch.loadJS<IndexedPassage>(payload.mini, miniSearchOptions);
    if (mini.documentCount !== kb.passages.length) return err('corrupt');
    return ok(
      assembleIndex(
        kb,
        terms.map((t) => (t === '' ? [] : t.split(' '))),
        mini,
        tags,
      ),
    );
  } catch {
    return err('corrupt');
  }
}
