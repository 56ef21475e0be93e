import { err, ok, type Result } from '../result.js';
import type { KnowledgeBase, KnowledgeDocument, LoadError } from '../types.js';
import { chunkDocumentReporting } from './chunk.js';
import { parseDocumentFile } from './document.js';
import { readKnowledgeFiles, type ReadOutcome } from './read-files.js';

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
  return parseKnowledgeFiles(
    dir,
    await readKnowledgeFiles(dir, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, undefined, {
      ...(options.readTimeoutMs !== undefined ? { timeoutMs: options.readTimeoutMs } : {}),
    }),
  );
}

/** The validating half of a load, for callers that read the files themselves (the index cache hashes them). */
export function parseKnowledgeFiles(dir: string, read: ReadOutcome): Result<KnowledgeBase, LoadError[]> {
  const errors = [...read.errors];
  const documents: KnowledgeDocument[] = [];
  const byId = new Map<string, string>();
  for (const file of read.files) {
    const doc = parseDocumentFile(file);
    if (!doc.ok) {
      errors.push(...doc.error);
      continue;
    }
    const other = byId.get(doc.value.id);
    if (other !== undefined) {
      errors.push({
        file: file.path,
        message: `has the same id "${doc.value.id}" as ${other}: rename one file or give it an "id:" in its front matter`,
      });
      continue;
    }
    byId.set(doc.value.id, file.path);
    documents.push(doc.value);
  }
  if (errors.length === 0 && documents.length === 0) {
    errors.push({ file: dir, message: 'holds no .md or .txt documents: add at least one' });
  }
  if (errors.length > 0) return err(errors);
  const warnings: LoadError[] = [];
  const passages = documents.flatMap((doc) => chunkDocumentReporting(doc, warnings));
  return ok({ documents, passages, warnings });
}

/** `file:line: message`, the shape editors and terminals turn into links. */
export function formatLoadError(e: LoadError): string {
  return `${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`;
}
