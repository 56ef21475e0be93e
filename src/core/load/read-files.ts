import { readdir, readFile, stat } from 'node:fs/promises';
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

const isKnowledgeFile = (name: string): boolean =>
  KNOWLEDGE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/** Knowledge file paths under `dir`, nested folders included, hidden ones skipped, in a stable order. */
export async function listKnowledgeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && isKnowledgeFile(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter(
      (full) =>
        !relative(dir, full)
          .split(sep)
          .some((part) => part.startsWith('.')),
    )
    .sort();
}

/** Reads every knowledge file under `dir`; a file too large is reported, never read into memory. */
export async function readKnowledgeFiles(
  dir: string,
  maxFileBytes: number,
  onProgress: (progress: ReadProgress) => void = () => undefined,
): Promise<ReadOutcome> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    return {
      files: [],
      errors: [{ file: dir, message: 'knowledge folder not found: check --kb or KNOWLEDGE_DIR' }],
    };
  }
  const paths = await listKnowledgeFiles(dir);
  const slots: Array<RawFile | LoadError> = new Array(paths.length);
  // Reading one file at a time left a folder of thousands of small files waiting on the disk in turn;
  // a few dozen reads in flight keep it busy without exhausting file handles. Order stays stable.
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let k = next++; k < paths.length; k = next++) {
      const file = relative(dir, paths[k]!).split(sep).join('/');
      onProgress({ file, reading: true });
      slots[k] = await readOne(dir, paths[k]!, maxFileBytes);
      onProgress({ file, reading: false });
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  const files: RawFile[] = [];
  const errors: LoadError[] = [];
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
async function readOne(dir: string, full: string, maxFileBytes: number): Promise<RawFile | LoadError> {
  const path = relative(dir, full).split(sep).join('/');
  const size = (await stat(full)).size;
  if (size > maxFileBytes) {
    return {
      file: path,
      message: `is ${sizeText(size)}, over the ${sizeText(maxFileBytes)} limit: split it into smaller files or raise MAX_FILE_BYTES`,
    };
  }
  return { path, bytes: await readFile(full) };
}
