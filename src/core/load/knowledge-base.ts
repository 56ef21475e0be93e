import type { Result } from '../result.js';
import type { KnowledgeBase, LoadError } from '../types.js';
import { readKnowledgeFiles } from './read-files.js';

export interface LoadOptions {
  /** Files above this size are refused (default 5 MB). */
  readonly maxFileBytes?: number;
  /** Each listing, stat and read must finish within this (default 15 s), or the file is reported. */
  readonly readTimeoutMs?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Reads and validates a whole knowledge folder. Either every file is good and a complete knowledge base
 * comes back, or the list of every problem found: never a silent partial base.
 *
 * ### Usage
 * ```ts
 * const loaded = await loadKnowledgeBase('knowledge');
 * if (!loaded.ok) for (const e of loaded.error) console.error(formatLoadError(e));
 * ```
 */
export async function loadKnowledgeBase(
  dir: string,
  options: LoadOptions = {},
): Promise<Result<KnowledgeBase, LoadError[]>> {
  const read = await readKnowledgeFiles(dir, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, undefined, {
    ...(options.readTimeoutMs !== undefined ? { timeoutMs: options.readTimeoutMs } : {}),
  });
  return (await parser()).parseKnowledgeFiles(dir, read);
}

/**
 * The validating half of a load (parse-files.ts), imported when first needed: it brings the YAML and
 * Markdown parsers, which a start from the index cache never uses; importing them was about 40 ms of
 * CPU at every start (core import 201 -> 163 ms of process CPU, medians of 7).
 */
export const parser = (): Promise<typeof import('./parse-files.js')> => import('./parse-files.js');

/** `file:line: message`, the shape editors and terminals turn into links. */
export function formatLoadError(e: LoadError): string {
  return `${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`;
}
