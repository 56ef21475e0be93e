import nodeFs, { type Dirent, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { LoadError } from '../types.js';

export const KNOWLEDGE_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt'];

export interface RawFile {
  /** Relative to the knowledge folder, with forward slashes. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** A file read starting or ending: lets a caller name the files a stuck load is waiting on. */
export interface ReadProgress {
  readonly file: string;
  readonly reading: boolean;
}

export interface ReadOutcome {
  readonly files: RawFile[];
  readonly errors: LoadError[];
}

/** The file system calls a load makes; tests replace them to simulate a hung share or a vanishing file. */
export interface FileSystem {
  readdir(dir: string): Promise<Dirent[]>;
  stat(path: string): Promise<Stats>;
  /** The file's bytes, or its size when over `maxBytes` (then nothing is read). */
  readFile(path: string, maxBytes: number): Promise<Uint8Array | { readonly tooLarge: number }>;
}

/**
 * Reads a file through one descriptor: open, its size, one read of that size, close. A folder of
 * thousands of small files is mostly these calls, so they are made with the callback API: a
 * `FileHandle` (fs/promises) costs a promise and an object per call and a finaliser per file. With it
 * (and a timer per file, see `deadlines`) the large bench base's 6,418 files took 874 ms of CPU to
 * read, 535 ms this way. A file that grows while being read is read as long as it was when opened.
 */
function readWhole(path: string, maxBytes: number): Promise<Uint8Array | { readonly tooLarge: number }> {
  return new Promise((resolve, reject) => {
    nodeFs.open(path, 'r', (error, fd) => {
      if (error) {
        reject(error);
        return;
      }
      const finish = (failure: Error | null, value?: Uint8Array | { readonly tooLarge: number }): void =>
        nodeFs.close(fd, (closing) => {
          const problem = failure ?? closing;
          if (problem) reject(problem);
          else resolve(value!);
        });
      nodeFs.fstat(fd, (statError, stats) => {
        if (statError) {
          finish(statError);
          return;
        }
        if (stats.size > maxBytes) {
          finish(null, { tooLarge: stats.size });
          return;
        }
        const bytes = Buffer.allocUnsafe(stats.size);
        const readFrom = (at: number): void => {
          if (at >= stats.size) {
            finish(null, bytes);
            return;
          }
          nodeFs.read(fd, bytes, at, stats.size - at, at, (readError, count) => {
            if (readError) {
              finish(readError);
              return;
            }
            if (count === 0) {
              finish(null, bytes.subarray(0, at));
              return;
            }
            readFrom(at + count);
          });
        };
        readFrom(0);
      });
    });
  });
}

export const nodeFileSystem: FileSystem = {
  readdir: (dir) => readdir(dir, { withFileTypes: true }),
  stat: (path) => stat(path),
  readFile: readWhole,
};

export interface ReadOptions {
  /** A listing, stat or read that takes longer than this is reported, naming the file (default 15 s). */
  readonly timeoutMs?: number;
  readonly fs?: FileSystem;
}

export const DEFAULT_READ_TIMEOUT_MS = 15_000;

const isKnowledgeFile = (name: string): boolean =>
  KNOWLEDGE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

const TIMED_OUT = Symbol('timed out');

/** The promise's value, or TIMED_OUT. A read stuck in the kernel cannot be cancelled, only left behind. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `within` for many calls at once with one timer: a timer and a race per file cost more than reading a
 * small file. A call times out between `ms` and `ms` plus a tenth of it after it started.
 */
function deadlines(ms: number): <T>(promise: Promise<T>) => Promise<T | typeof TIMED_OUT> {
  const pending = new Map<() => void, number>();
  let timer: NodeJS.Timeout | undefined;
  const settle = (expire: () => void): void => {
    pending.delete(expire);
    if (pending.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  const check = (): void => {
    const now = Date.now();
    for (const [expire, started] of pending) if (now - started >= ms) expire();
  };
  return <T>(promise: Promise<T>) =>
    new Promise<T | typeof TIMED_OUT>((resolve, reject) => {
      const expire = (): void => {
        settle(expire);
        resolve(TIMED_OUT);
      };
      pending.set(expire, Date.now());
      timer ??= setInterval(check, Math.max(1, Math.ceil(ms / 10)));
      promise.then(
        (value) => {
          settle(expire);
          resolve(value);
        },
        (error: unknown) => {
          settle(expire);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
}

/** What went wrong with one path, and what the moderator can do about it. */
function describeIoError(e: unknown, what: 'file' | 'folder'): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return what === 'file'
        ? 'cannot be read (permission denied): give the user running Casefile read access (chmod a+r) or move the file out of the folder'
        : 'folder cannot be listed (permission denied): give the user running Casefile access (chmod a+rx) or move the folder out';
    case 'ENOENT':
      return `disappeared while the knowledge folder was being read: reload once the folder has stopped changing`;
    case 'ELOOP':
    case 'ENAMETOOLONG':
      return 'has a path the system cannot open: shorten or rename it';
    case 'EMFILE':
    case 'ENFILE':
      return 'could not be opened: the system is out of file handles; raise the limit (ulimit -n) and reload';
    default:
      return `cannot be read (${code ?? (e as Error | undefined)?.message ?? 'unknown error'}): check the file and the disk, then reload`;
  }
}

const timedOutMessage = (ms: number, what: string): string =>
  `${what} did not finish within ${ms / 1000} s (a hung network share or disk?): check the storage, then reload`;

/**
 * Knowledge file paths under `dir`, nested folders included, hidden ones and symbolic links skipped, in
 * a stable order. A folder that cannot be listed is reported and the others are still read.
 */
export async function listKnowledgeFiles(
  dir: string,
  options: ReadOptions = {},
  errors: LoadError[] = [],
): Promise<string[]> {
  const fs = options.fs ?? nodeFileSystem;
  const timeoutMs = options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  const found: string[] = [];
  const folders = [dir];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const where = relative(dir, folder).split(sep).join('/') || dir;
    let entries: Dirent[] | typeof TIMED_OUT;
    try {
      entries = await within(fs.readdir(folder), timeoutMs);
    } catch (e) {
      errors.push({ file: where, message: describeIoError(e, 'folder') });
      continue;
    }
    if (entries === TIMED_OUT) {
      errors.push({ file: where, message: timedOutMessage(timeoutMs, 'listing this folder') });
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) folders.push(full);
      else if (entry.isFile() && isKnowledgeFile(entry.name)) found.push(full);
    }
  }
  return found.sort();
}

/**
 * Reads every knowledge file under `dir`. Every failure comes back as a `file: what to do` error, never
 * as an exception: a file too large (never read into memory), unreadable, vanished or stuck.
 */
export async function readKnowledgeFiles(
  dir: string,
  maxFileBytes: number,
  onProgress: (progress: ReadProgress) => void = () => undefined,
  options: ReadOptions = {},
): Promise<ReadOutcome> {
  const fs = options.fs ?? nodeFileSystem;
  const timeoutMs = options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  const info = await within(
    fs.stat(dir).catch(() => undefined),
    timeoutMs,
  );
  if (info === TIMED_OUT) {
    const message = timedOutMessage(timeoutMs, 'opening the knowledge folder');
    return { files: [], errors: [{ file: dir, message }] };
  }
  if (!info?.isDirectory()) {
    return {
      files: [],
      errors: [{ file: dir, message: 'knowledge folder not found: check --kb or KNOWLEDGE_DIR' }],
    };
  }
  const errors: LoadError[] = [];
  const paths = await listKnowledgeFiles(dir, options, errors);
  const slots = new Array<RawFile | LoadError>(paths.length);
  // Reading one file at a time left a folder of thousands of small files waiting on the disk in turn;
  // a few dozen reads in flight keep it busy without exhausting file handles. Order stays stable.
  let next = 0;
  const timed = deadlines(timeoutMs);
  const worker = async (): Promise<void> => {
    for (let k = next++; k < paths.length; k = next++) {
      const file = relative(dir, paths[k]!).split(sep).join('/');
      onProgress({ file, reading: true });
      slots[k] = await readOne(dir, paths[k]!, maxFileBytes, fs, timed, timeoutMs);
      onProgress({ file, reading: false });
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  const files: RawFile[] = [];
  for (const slot of slots) {
    if ('bytes' in slot) files.push(slot);
    else errors.push(slot);
  }
  return { files, errors };
}

const READ_CONCURRENCY = 32;

const sizeText = (n: number): string =>
  n >= 104_858
    ? `${(n / 1_048_576).toFixed(1)} MB`
    : n >= 1024
      ? `${(n / 1024).toFixed(1)} KB`
      : `${n} bytes`;

/** One file's bytes, or why it was refused; a file too large is never read into memory. */
async function readOne(
  dir: string,
  full: string,
  maxFileBytes: number,
  fs: FileSystem,
  timed: <T>(promise: Promise<T>) => Promise<T | typeof TIMED_OUT>,
  timeoutMs: number,
): Promise<RawFile | LoadError> {
  const path = relative(dir, full).split(sep).join('/');
  const tooLarge = (size: number): LoadError => ({
    file: path,
    message: `is ${sizeText(size)}, over the ${sizeText(maxFileBytes)} limit: split it into smaller files or raise MAX_FILE_BYTES`,
  });
  try {
    const read = await timed(fs.readFile(full, maxFileBytes));
    if (read === TIMED_OUT) return { file: path, message: timedOutMessage(timeoutMs, 'reading this file') };
    if ('tooLarge' in read) return tooLarge(read.tooLarge);
    return { path, bytes: read };
  } catch (e) {
    return { file: path, message: describeIoError(e, 'file') };
  }
}
