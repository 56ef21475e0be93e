import type { Result } from '../result.js';
import type { KnowledgeBase, LoadError } from '../types.js';
import { DEFAULT_MAX_FILE_BYTES, parser } from './knowledge-base.js';
import { readKnowledgeFiles } from './read-files.js';

/** One change to the knowledge folder, tried before it is made. */
export type FolderChange =
  | { readonly kind: 'write'; readonly path: string; readonly bytes: Uint8Array }
  | { readonly kind: 'remove'; readonly path: string };

/**
 * The knowledge base the folder would hold after `change`, validated exactly as a reload would, or every
 * `file:line` problem it would have; the folder itself is not touched. This is the dry run behind a
 * moderator's upload: a file that would break the folder is refused before it is written.
 */
export async function previewFolderChange(
  dir: string,
  change: FolderChange,
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<Result<KnowledgeBase, LoadError[]>> {
  const read = await readKnowledgeFiles(dir, maxFileBytes);
  const files = read.files.filter((file) => file.path !== change.path);
  const errors = read.errors.filter((error) => error.file !== change.path);
  if (change.kind === 'write') {
    files.push({ path: change.path, bytes: change.bytes });
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
  return (await parser()).parseKnowledgeFiles(dir, { files, errors });
}
