import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encode } from '../../../src/core/cache/binary-codec.js';
import { cacheKey } from '../../../src/core/cache/cache-key.js';
import { writeCacheFile } from '../../../src/core/cache/index-cache.js';
import { loadKnowledge, mentionsOfType, type LoadedIndex } from '../../../src/core/index.js';
import { indexFingerprint } from '../../../src/core/knowledge/fingerprint.js';
import { readKnowledgeFiles } from '../../../src/core/load/read-files.js';
import { indexParts } from '../../../src/core/search/index-parts.js';
import { indexData } from '../../../src/core/search/search-index.js';

let kbDir: string;
let cacheDir: string;

beforeEach(async () => {
  kbDir = await mkdtemp(join(tmpdir(), 'casefile-tags-kb-'));
  cacheDir = await mkdtemp(join(tmpdir(), 'casefile-tags-cache-'));
  await writeFile(
    join(kbDir, 'sentence.md'),
    '---\ntitle: Sentenced\ndate: 2017-04-21\n---\n\nSEATTLE, April 21 (Reuters) - A judge on Friday sentenced Roman Seleznev, 32, to 27 years and ordered him to repay $169 million.\n\nSeleznev, known as "Track2", was convicted last August.\n',
  );
});

afterEach(async () => {
  await Promise.all([kbDir, cacheDir].map((d) => rm(d, { recursive: true, force: true })));
});

async function load(): Promise<LoadedIndex> {
  const loaded = await loadKnowledge(kbDir, { cacheDir, cacheMinBytes: 0 });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value;
}

describe('typed mentions in the index cache', () => {
  it('GIVEN an index saved and loaded again THEN the tags are the ones built, dates resolved by the document date', async () => {
    const built = await load();
    const cached = await load();
    expect([built.cache, cached.cache]).toEqual(['missing', 'hit']);
    expect(indexData(cached.index).tags).toEqual(indexData(built.index).tags);
    const all = indexData(cached.index).tags.flat();
    expect(mentionsOfType(all, 'date').map((m) => m.value)).toEqual(['2017-04-21', '2017-04-21', '2016-08']);
    expect(mentionsOfType(all, 'money').map((m) => m.value)).toEqual(['169000000 usd']);
    expect(mentionsOfType(all, 'name').map((m) => m.value)).toEqual(['track2']);
  });

  it('GIVEN a cache whose tags do not fit its passages THEN it is not served', async () => {
    const built = await load();
    const file = join(cacheDir, (await readdir(cacheDir))[0]!);
    // A well-formed entry under the right key (so its checksum passes) holding one passage's tags too few.
    const key = cacheKey((await readKnowledgeFiles(kbDir, 1_000_000)).files, indexFingerprint());
    const parts = indexParts(built.index);
    await writeCacheFile(
      file,
      key,
      encode({ ...parts, tags: { ...parts.tags, ends: parts.tags.ends.subarray(1) } }),
    );
    const again = await load();
    expect(again.cache).toBe('corrupt');
    expect(indexData(again.index).tags).toHaveLength(again.index.passageCount);
    expect((await load()).cache).toBe('hit');
  });
});
