import { readdir, readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, buildIndex, loadKnowledgeBase, loadKnowledge, type LoadedIndex } from '../../../src/core/index.js';
import { indexParts } from '../../../src/core/search/index-parts.js';
import { PackedTerms } from '../../../src/core/search/packed-terms.js';

let kbDir: string;
let cacheDir: string;

beforeEach(async () => {
  kbDir = await mkdtemp(join(tmpdir(), 'casefile-cache-kb-'));
  cacheDir = await mkdtemp(join(tmpdir(), 'casefile-cache-'));
  await writeFile(join(kbDir, 'a.md'), '# Raid\n\nPolice raided the warehouse in Lyon on March 3.\n');
});

afterEach(async () => {
  await Promise.all([kbDir, cacheDir].map((d) => rm(d, { recursive: true, force: true })));
});

async function load(): Promise<LoadedIndex> {
  const loaded = await loadKnowledge(kbDir, { cacheDir, cacheMinBytes: 0 });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value;
}

const cacheFile = async (): Promise<string> => join(cacheDir, (await readdir(cacheDir))[0]!);

describe('loadKnowledge with a cache', () => {
  it('GIVEN an unchanged folder THEN the second load reads the saved index and answers the same', async () => {
    const first = await load();
    const second = await load();
    expect([first.cache, second.cache]).toEqual(['missing', 'hit']);
    const q = 'Where did the police raid?';
    expect(answer(second.index, q)).toEqual(answer(first.index, q));
    expect(answer(second.index, q).text).toContain('Lyon');
  });

  it('GIVEN a load that saves the index THEN it serves the saved, packed form, equal to a fresh build', async () => {
    const first = await load();
    expect(first.cache).toBe('missing');
    // What a restart would load (no radix tree, no object per term list), not the index just built…
    expect(first.index.vocabulary.tree).toBeInstanceOf(PackedTerms);
    // …and the same index.
    const kb = await loadKnowledgeBase(kbDir);
    if (!kb.ok) throw new Error('load failed');
    expect(indexParts(first.index)).toEqual(indexParts(buildIndex(kb.value)));
  });

  it('GIVEN a knowledge file edited after the cache was written THEN the cache is stale and the new text is served', async () => {
    await load();
    await writeFile(join(kbDir, 'a.md'), '# Raid\n\nPolice raided the warehouse in Marseille on March 3.\n');
    const again = await load();
    expect(again.cache).toBe('stale');
    expect(answer(again.index, 'Where did the police raid?').text).toContain('Marseille');
    expect((await load()).cache).toBe('hit');
  });

  it('GIVEN a damaged or truncated cache file THEN it is detected, rebuilt and never served', async () => {
    await load();
    const file = await cacheFile();
    const bytes = await readFile(file);
    const at = bytes.indexOf('Lyon');
    expect(at).toBeGreaterThan(0);
    const edited = Buffer.from(bytes);
    edited.write('Oslo', at, 'latin1');
    await writeFile(file, edited);
    const again = await load();
    expect(again.cache).toBe('corrupt');
    expect(answer(again.index, 'Where did the police raid?').text).toContain('Lyon');
    await writeFile(file, bytes.subarray(0, bytes.length / 2));
    expect((await load()).cache).toBe('corrupt');
    expect((await load()).cache).toBe('hit');
  });

  it('GIVEN a knowledge base smaller than the cache threshold THEN it is simply rebuilt', async () => {
    const loaded = await loadKnowledge(kbDir, { cacheDir });
    expect(loaded.ok && loaded.value.cache).toBe('off');
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('GIVEN a cache and then a broken knowledge file THEN the load reports the file, not the cached index', async () => {
    await load();
    await writeFile(join(kbDir, 'b.md'), '---\ntitle: [unclosed\n---\nText.\n');
    const loaded = await loadKnowledge(kbDir, { cacheDir, cacheMinBytes: 0 });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error[0]!.file).toBe('b.md');
  });
});
