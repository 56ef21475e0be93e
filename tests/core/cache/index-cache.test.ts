import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  readCacheFile,
  removeStaleTempFiles,
  tempHost,
  writeCacheFile,
} from '../../../src/core/cache/index-cache.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casefile-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const payload = Buffer.from('the saved index, whatever it is');

describe('the cache store', () => {
  it('GIVEN bytes saved under a key THEN the same key reads them back, another key finds them stale', async () => {
    const file = join(dir, 'x.index');
    expect(await readCacheFile(file, 'k1')).toEqual({ ok: false, error: 'missing' });
    await writeCacheFile(file, 'k1', payload);
    const back = await readCacheFile(file, 'k1');
    expect(back.ok && Buffer.from(back.value).equals(payload)).toBe(true);
    expect(await readCacheFile(file, 'k2')).toEqual({ ok: false, error: 'stale' });
    expect(await readdir(dir)).toEqual(['x.index']);
  });

  it('GIVEN one changed byte, a cut file or a file of an older format THEN it is corrupt or stale, never returned', async () => {
    const file = join(dir, 'x.index');
    await writeCacheFile(file, 'k', payload);
    const bytes = await readFile(file);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 3]! ^= 1;
    await writeFile(file, flipped);
    expect(await readCacheFile(file, 'k')).toEqual({ ok: false, error: 'corrupt' });
    await writeFile(file, bytes.subarray(0, bytes.length - 1));
    expect(await readCacheFile(file, 'k')).toEqual({ ok: false, error: 'corrupt' });
    await writeFile(file, `{"format":1,"key":"k"}\n{}`);
    expect(await readCacheFile(file, 'k')).toEqual({ ok: false, error: 'stale' });
  });

  it('GIVEN temporary files left by killed writers THEN start-up removes them but not a live writer’s', async () => {
    const host = tempHost();
    const at = (name: string) => join(dir, name);
    const dead = at(`a.index.${host}-999999999.0a.tmp`);
    const ours = at(`a.index.${host}-${process.pid}.0b.tmp`);
    const live = at(`a.index.${host}-${process.ppid}.0c.tmp`);
    const oldLive = at(`b.index.${host}-${process.ppid}.0d.tmp`);
    const otherHost = at('c.index.another_host-7.0e.tmp');
    const oldOtherHost = at('d.index.another_host-7.0f.tmp');
    for (const f of [dead, ours, live, oldLive, otherHost, oldOtherHost]) await writeFile(f, 'half an index');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    for (const f of [oldLive, oldOtherHost]) await utimes(f, twoHoursAgo, twoHoursAgo);
    const removed = await removeStaleTempFiles(dir);
    expect(removed.sort()).toEqual([dead, ours, oldLive, oldOtherHost].sort());
    expect((await readdir(dir)).sort()).toEqual([live, otherHost].map((f) => f.slice(dir.length + 1)).sort());
  });

  it('GIVEN a write THEN it leaves no temporary file behind', async () => {
    await writeCacheFile(join(dir, 'x.index'), 'k', payload);
    expect(await readdir(dir)).toEqual(['x.index']);
  });
});
