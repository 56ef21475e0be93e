import { err, ok, type Result } from '../result.js';
import type { KnowledgeBase, KnowledgeDocument, LoadError } from '../types.js';
import { chunkDocumentReporting } from './chunk.js';
import { parseDocumentFile } from './document.js';
import type { ReadOutcome } from './read-files.js';

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
