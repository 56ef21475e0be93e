import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import zlib from 'node:zlib';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { err, ok, type Result } from '../result.js';

/**
 * A plain store of bytes under a key, one file per entry: `CFCACHE2`, the key, the checksum's name and
 * value, padding, then the bytes, starting at a multiple of 8 so a reader can view number arrays in
 * them without copying. What the bytes are, and what makes them out of date (the key), is the caller's
 * business.
 */
const MAGIC = Buffer.from('CFCACHE2');
const ALIGN = 8;

export type CacheMiss = 'missing' | 'stale' | 'corrupt';

// The checksum is not here for security (whoever can write the cache folder can write anything): it
// catches a truncated or damaged file. CRC-32 runs at memory speed (about 25 ms on a 100 MB index,
// SHA-1 about 100 ms); Node releases before 20.15 lack it and write SHA-1, and the file says which.
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
const ALGORITHM = crc32 ? 'crc32' : 'sha1';

function checksum(algorithm: string, bytes: Uint8Array): Buffer | undefined {
  if (algorithm === 'sha1') return createHash('sha1').update(bytes).digest();
  if (algorithm === 'crc32' && crc32) {
    const sum = Buffer.alloc(4);
    sum.writeUInt32LE(crc32(bytes) >>> 0);
    return sum;
  }
  return undefined;
}

/** Header: magic, u32 key length, key, u8 algorithm length, algorithm, u8 sum length, sum, padding. */
function header(key: string, algorithm: string, sum: Buffer): Buffer {
  const parts = [
    MAGIC,
    u32(Buffer.byteLength(key)),
    Buffer.from(key),
    Buffer.from([algorithm.length]),
    Buffer.from(algorithm),
    Buffer.from([sum.length]),
    sum,
  ];
  const length = parts.reduce((n, b) => n + b.length, 0);
  return Buffer.concat([...parts, Buffer.alloc((ALIGN - (length % ALIGN)) % ALIGN)]);
}

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

const TEMP_SUFFIX = '.tmp';

// Host and process of a temporary file's writer: several containers can share a cache volume, and
// each container's process may have the same id (often 1 or 7).
export const tempHost = (): string => hostname().replace(/[^\w-]/g, '_');

/**
 * Saves `bytes` under `key`. Written to a temporary file of this process and renamed, so a reader never
 * sees half a file and a crash leaves the old entry whole.
 */
export async function writeCacheFile(file: string, key: string, bytes: Uint8Array): Promise<void> {
  const head = header(key, ALGORITHM, checksum(ALGORITHM, bytes)!);
  const tmp = `${file}.${tempHost()}-${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(tmp, [head, bytes]);
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
  let at = MAGIC.length + 4;
  if (data.length < at || !data.subarray(0, MAGIC.length).equals(MAGIC)) return err('stale');
  const keyEnd = at + data.readUInt32LE(MAGIC.length);
  if (keyEnd > data.length || data.toString('utf8', at, keyEnd) !== key) return err('stale');
  at = keyEnd;
  const field = (): Buffer | undefined => {
    if (at >= data.length) return undefined;
    const end = at + 1 + data[at]!;
    if (end > data.length) return undefined;
    const value = data.subarray(at + 1, end);
    at = end;
    return value;
  };
  const algorithm = field()?.toString('latin1');
  const sum = field();
  if (algorithm === undefined || sum === undefined) return err('corrupt');
  const bytes = data.subarray(at + ((ALIGN - (at % ALIGN)) % ALIGN));
  const expected = checksum(algorithm, bytes);
  // Written by a Node that has a checksum this one lacks: not damaged, just not readable here.
  if (!expected) return err('stale');
  if (!expected.equals(sum)) return err('corrupt');
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
