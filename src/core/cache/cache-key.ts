import { createHash } from 'node:crypto';
import type { RawFile } from '../load/read-files.js';

/**
 * A hash of every knowledge file (path and bytes) and of the caller's fingerprint (the version of
 * whatever turns files into the cached value): equal keys, equal value. The cache knows nothing of
 * what it stores; the caller says what makes a saved value out of date.
 */
export function cacheKey(files: readonly RawFile[], fingerprint: string): string {
  const hash = createHash('sha256').update(fingerprint);
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    hash.update(`\0${file.path}\0${file.bytes.length}\0`).update(file.bytes);
  }
  return hash.digest('hex');
}
