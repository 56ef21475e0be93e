import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { err, ok, type Result } from '../result.js';

/**
 * A plain store of bytes under a key, one file per entry: `CFCACHE1`, the key, a checksum, the bytes.
 * What the bytes are, and what makes them out of date (the key), is the caller's business.
 */
const MAGIC = Buffer.from('CFCACHE1');
const SUM_BYTES = 20;

export type CacheMiss = 'missing' | 'stale' | 'corrupt';

// SHA-1 is not here for security (whoever can write the cache folder can write anything): it catches a
// truncated or damaged file and runs about 40% faster than SHA-256 on a 100 MB index.
const checksum = (bytes: Uint8Array): Buffer => createHash('sha1').update(bytes).digest();

const TEMP_SUFFIX = '.tmp';

// Host and process of a temporary file's writer: several containers can share a cache volume, and
// each container's process may have the same id (often 1 or 7).
export const tempHost = (): string => hostname().replace(/[^\w-]/g, '_');

/**
 * Saves `bytes` under `key`. Written to a temporary file of this process and renamed, so a reader never
 * sees half a file and a crash leaves the old entry whole.
 */
export async function writeCacheFile(file: string, key: string, bytes: Uint8Array): Promise<void> {
  const keyBytes = Buffer.from(key);
  const head = Buffer.alloc(MAGIC.length + 4);
  MAGIC.copy(head);
  head.writeUInt32LE(keyBytes.length, MAGIC.length);
  const tmp = `${file}.${tempHost()}-${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(tmp, [head, keyBytes, checksum(bytes), bytes]);
    await rename(tmp, file);
  } finally {
    await rm(tmp, { force: true });
  }
}

/** The bytes saved under `key`, or why there are none: a stale or damaged entry is never returned. */
export async function readCacheFile(file: string, key: string): Promise<Result<Uint8Array, CacheMiss>> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return err('missing');
  }
  const keyStart = MAGIC.length + 4;
  if (data.length < keyStart || !data.subarray(0, MAGIC.length).equals(MAGIC)) return err('stale');
  const keyEnd = keyStart + data.readUInt32LE(MAGIC.length);
  if (keyEnd > data.length || data.toString('utf8', keyStart, keyEnd) !== key) return err('stale');
  const sum = data.subarray(keyEnd, keyEnd + SUM_BYTES);
  const bytes = data.subarray(keyEnd + SUM_BYTES);
  if (sum.length !== SUM_BYTES || !checksum(bytes).equals(sum)) return err('corrupt');
  return ok(bytes);
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Older than this, a temporary file is abandoned even if a process of that id runs (ids are reused). */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Removes temporary files left by a process killed in the middle of a write (they can be as large as
 * an index). A file whose writer still runs on this machine is left alone. Call it before this process
 * writes to the cache. Returns the files removed.
 */
export async function removeStaleTempFiles(dir: string, now = Date.now()): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = /\.([\w-]+)-(\d+)\.[0-9a-f]+\.tmp$/.exec(name);
    if (!match) continue;
    const full = join(dir, name);
    const info = await stat(full).catch(() => undefined);
    if (!info) continue;
    const young = now - info.mtimeMs < ABANDONED_AFTER_MS;
    // Another machine's (or container's) writer cannot be checked: only age tells. Ours can: our own
    // id is reused by a restart in a container, and this runs before we write anything.
    const pid = Number(match[2]);
    const thisHost = match[1] === tempHost();
    if (young && (!thisHost || (pid !== process.pid && isRunning(pid)))) continue;
    await rm(full, { force: true });
    removed.push(full);
  }
  return removed;
}
