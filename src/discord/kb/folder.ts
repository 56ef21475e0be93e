import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Names a moderator's upload may have: a plain file name in the folder's top level, no path, no dot file. */
const SAFE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._()-]{0,95}\.(md|markdown|txt)$/u;

/** The name the upload will have in the knowledge folder, or why it cannot be used. */
export function uploadName(filename: string): { ok: true; name: string } | { ok: false; reason: string } {
  const name = filename.normalize('NFC').trim();
  if (!/\.(md|markdown|txt)$/i.test(name))
    return { ok: false, reason: 'only `.md` and `.txt` files can be added to the case file' };
  if (!SAFE_NAME.test(name.replace(/\.(md|markdown|txt)$/i, (ext) => ext.toLowerCase())))
    return {
      ok: false,
      reason:
        'rename the file to letters, digits, spaces, `.`, `_`, `-` or `()` (at most 100 characters) and try again',
    };
  return { ok: true, name: name.replace(/\.(md|markdown|txt)$/i, (ext) => ext.toLowerCase()) };
}

/**
 * Writes the file under a hidden temporary name (the loader skips dot files) and renames it into place:
 * a reload, on this shard or another, sees the old file or the new one, never half of it.
 */
export async function writeKnowledgeFile(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dir, `.casefile-upload-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, join(dir, name));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function removeKnowledgeFile(dir: string, path: string): Promise<void> {
  await rm(join(dir, path));
}
