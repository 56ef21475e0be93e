import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, loadKnowledge } from '../../../src/core/index.js';
import { KnowledgeService, type Loader } from '../../../src/core/service/knowledge-service.js';

// In this process: these tests are about what a reload reports; reload-worker.test.ts covers the worker.
const inProcess: Loader = (dir, { timeoutMs: _, ...options }) => loadKnowledge(dir, options);

// Lives beside the Discord tests for now; it is Discord-free and belongs in tests/core/service/.
const doc = (title: string, body: string) => `---\ntitle: ${title}\n---\n${body}\n`;

describe('KnowledgeService', () => {
  let dir: string;
  let service: KnowledgeService;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'casefile-svc-'));
    await writeFile(join(dir, 'a.md'), doc('Alpha', 'The alpha report was filed in Madrid in 2017.'));
    await writeFile(join(dir, 'b.md'), doc('Beta', 'The beta report names a witness in Barcelona.'));
    service = new KnowledgeService({ dir, load: inProcess });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('GIVEN no reload yet THEN current() throws and status is empty', () => {
    expect(() => service.current()).toThrow(/reload\(\) first/);
    expect(service.status()).toEqual({ documents: 0, passages: 0 });
  });

  it('GIVEN a first reload THEN every document counts as added', async () => {
    const outcome = await service.reload('startup');
    expect(outcome).toMatchObject({ ok: true, documents: 2, added: ['a', 'b'], removed: [], changed: [] });
    expect(service.status()).toMatchObject({ documents: 2, lastReload: { by: 'startup', outcome } });
  });

  it('GIVEN a document added, one removed and one changed THEN the reload says which', async () => {
    await service.reload('startup');
    await rm(join(dir, 'b.md'));
    await writeFile(join(dir, 'a.md'), doc('Alpha', 'The alpha report was filed in Madrid in 2018.'));
    await writeFile(join(dir, 'c.md'), doc('Gamma', 'Gamma is new.'));

    expect(await service.reload('mod')).toMatchObject({
      ok: true,
      added: ['c'],
      removed: ['b'],
      changed: ['a'],
    });
  });

  it('GIVEN a broken file THEN the errors come back and the previous index keeps serving', async () => {
    await service.reload('startup');
    const before = service.current();
    await writeFile(join(dir, 'broken.md'), '---\ntitle: x\n');

    const outcome = await service.reload('mod');

    expect(outcome).toMatchObject({ ok: false, errors: [{ file: 'broken.md', line: 1 }] });
    expect(service.current()).toBe(before);
    expect(service.status()).toMatchObject({
      documents: 2,
      lastReload: { by: 'mod', outcome: { ok: false } },
    });
  });

  it('GIVEN a reload in progress THEN questions are answered from the old index until the new one is complete', async () => {
    // A loader that has read the new folder and then waits: the reload is under way, not just asked for.
    let loaded!: () => void;
    let release!: () => void;
    const hasLoaded = new Promise<void>((resolve) => (loaded = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const held: Loader = async (d, options) => {
      const result = await inProcess(d, options);
      if (++calls === 1) return result;
      loaded();
      await gate;
      return result;
    };
    service = new KnowledgeService({ dir, load: held });
    await service.reload('startup');
    const before = service.current();
    await writeFile(join(dir, 'c.md'), doc('Gamma', 'The gamma memo was signed in Lisbon.'));

    const pending = service.reload('mod');
    await hasLoaded;
    expect(service.current()).toBe(before);
    expect(answer(service.current(), 'where was the gamma memo signed?').answered).toBe(false);
    release();
    await pending;

    expect(service.current()).not.toBe(before);
    expect(service.current().documentCount).toBe(3);
    expect(answer(service.current(), 'where was the gamma memo signed?').text).toContain('Lisbon');
  });

  it("GIVEN two reloads at once THEN they run one after the other, the second seeing the first one's result", async () => {
    await service.reload('startup');
    await writeFile(join(dir, 'c.md'), doc('Gamma', 'Gamma is new.'));

    const [first, second] = await Promise.all([service.reload('one'), service.reload('two')]);

    expect(first).toMatchObject({ ok: true, added: ['c'] });
    // Had they overlapped, both would have diffed against the startup state and both reported "c".
    expect(second).toMatchObject({ ok: true, added: [], changed: [] });
    expect(service.status().lastReload?.by).toBe('two');
  });
});
