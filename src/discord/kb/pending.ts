import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A change a moderator asked for and has not yet confirmed. */
export type PendingChange =
  | {
      readonly kind: 'add';
      /** The file name in the knowledge folder. */
      readonly path: string;
      readonly userId: string;
      readonly guildId: string;
      readonly createdAt: number;
    }
  | {
      readonly kind: 'remove';
      readonly path: string;
      readonly documentId: string;
      readonly userId: string;
      readonly guildId: string;
      readonly createdAt: number;
    };

/**
 * As long as Discord lets the bot edit the ephemeral message the buttons are on. Kept on disk in
 * DATA_DIR, not in memory, so Confirm works after a restart and on whichever shard gets the click.
 */
export const PENDING_TTL_MS = 15 * 60_000;

const folder = (dataDir: string) => join(dataDir, 'pending');
const ID = /^[0-9a-f]{16}$/;

/** Saves the change (and an upload's bytes) and returns the id its buttons carry. */
export async function savePending(
  dataDir: string,
  change: PendingChange,
  bytes?: Uint8Array,
): Promise<string> {
  const dir = folder(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await forgetExpired(dir, change.createdAt);
  const id = randomBytes(8).toString('hex');
  if (bytes) await writeFile(join(dir, `${id}.bytes`), bytes, { flag: 'wx', mode: 0o600 });
  await writeFile(join(dir, `${id}.json`), JSON.stringify(change), { flag: 'wx', mode: 0o600 });
  return id;
}

export type LoadedPending =
  | { readonly ok: true; readonly change: PendingChange; readonly bytes?: Uint8Array }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' };

export async function loadPending(dataDir: string, id: string, now = Date.now()): Promise<LoadedPending> {
  if (!ID.test(id)) return { ok: false, reason: 'unknown' };
  const dir = folder(dataDir);
  const text = await readFile(join(dir, `${id}.json`), 'utf8').catch(() => undefined);
  if (text === undefined) return { ok: false, reason: 'unknown' };
  const change = JSON.parse(text) as PendingChange;
  if (now - change.createdAt > PENDING_TTL_MS) {
    await dropPending(dataDir, id);
    return { ok: false, reason: 'expired' };
  }
  if (change.kind !== 'add') return { ok: true, change };
  const bytes = await readFile(join(dir, `${id}.bytes`)).catch(() => undefined);
  return bytes ? { ok: true, change, bytes } : { ok: false, reason: 'unknown' };
}

/** Forgets a change; true only for the caller that actually removed it, so a double click confirms once. */
export async function dropPending(dataDir: string, id: string): Promise<boolean> {
  if (!ID.test(id)) return false;
  const dir = folder(dataDir);
  const claimed = await rm(join(dir, `${id}.json`)).then(
    () => true,
    () => false,
  );
  await rm(join(dir, `${id}.bytes`), { force: true });
  return claimed;
}

async function forgetExpired(dir: string, now: number): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > PENDING_TTL_MS) await rm(path, { force: true });
  }
}
