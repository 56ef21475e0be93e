import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, loadKnowledge, suggestedQuestions } from '../../../src/core/index.js';
import { loadKnowledgeInWorker } from '../../../src/core/knowledge/load-in-worker.js';
import { KnowledgeService, type Loader } from '../../../src/core/service/knowledge-service.js';

const doc = (title: string, body: string) => `---\ntitle: ${title}\n---\n${body}\n`;
const fixture = (name: string) => new URL(`../../support/workers/${name}`, import.meta.url);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casefile-worker-'));
  await writeFile(join(dir, 'a.md'), doc('Alpha', 'The alpha report was filed in Madrid in 2017.'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('reloading on a worker thread', () => {
  it('GIVEN a reload after start-up THEN the worker loads the folder and the index answers as one built here', async () => {
    const service = new KnowledgeService({ dir });
    expect(await service.reload('startup')).toMatchObject({ ok: true, documents: 1, added: ['a'] });
    const first = service.current();
    await writeFile(join(dir, 'a.md'), doc('Alpha', 'The alpha report was filed in Madrid in 2018.'));
    expect(await service.reload('mod')).toMatchObject({ ok: true, documents: 1, changed: ['a'] });
    expect(service.current()).not.toBe(first);
    const here = await loadKnowledge(dir);
    if (!here.ok) throw new Error('load failed');
    const q = 'Where was the alpha report filed?';
    expect(answer(service.current(), q)).toEqual(answer(here.value.index, q));
    expect(answer(service.current(), q).text).toContain('Madrid');
  });

  it('GIVEN suggestions asked for THEN each load works them out where it runs, the same as here, and a reload refreshes them', async () => {
    const suggest = { maxCandidates: 300, maxLength: 100 };
    await writeFile(join(dir, 'b.md'), doc('Beta', 'The beta memo was signed in Oslo in 2019.'));
    const service = new KnowledgeService({ dir, suggest });
    await service.reload('startup');
    expect(service.suggestedQuestions()).toEqual(await suggestedQuestions(service.current(), suggest));
    expect(service.suggestedQuestions()).toContain('What is "Beta" about?');

    await writeFile(join(dir, 'b.md'), doc('Gamma', 'The gamma memo was signed in Oslo in 2019.'));
    expect(await service.reload('mod')).toMatchObject({ ok: true, changed: ['b'] });
    // Worked out on the worker: the main thread only compares them with its own here.
    expect(service.suggestedQuestions()).toEqual(await suggestedQuestions(service.current(), suggest));
    expect(service.suggestedQuestions()).toContain('What is "Gamma" about?');
    expect(service.suggestedQuestions()).not.toContain('What is "Beta" about?');
    // Nothing changed: the index and its suggestions stay.
    const kept = service.suggestedQuestions();
    await service.reload('SIGHUP');
    expect(service.suggestedQuestions()).toBe(kept);
  });

  it('GIVEN files unchanged since the index in use THEN the reload keeps that index, decoding nothing, and a later change is loaded', async () => {
    const service = new KnowledgeService({ dir });
    await service.reload('startup');
    const first = service.current();

    expect(await service.reload('SIGHUP')).toMatchObject({ ok: true, documents: 1, added: [], changed: [] });
    expect(service.current()).toBe(first);

    await writeFile(join(dir, 'a.md'), doc('Alpha', 'The alpha report was filed in Lisbon in 2017.'));
    expect(await service.reload('mod')).toMatchObject({ ok: true, changed: ['a'] });
    expect(service.current()).not.toBe(first);
    expect(answer(service.current(), 'Where was the alpha report filed?').text).toContain('Lisbon');
    // Back to the first text: a different key from the index now in use, so it is loaded again.
    await writeFile(join(dir, 'a.md'), doc('Alpha', 'The alpha report was filed in Madrid in 2017.'));
    expect(await service.reload('mod')).toMatchObject({ ok: true, changed: ['a'] });
    expect(answer(service.current(), 'Where was the alpha report filed?').text).toContain('Madrid');
  });

  it('GIVEN a read that never returns THEN the reload fails after the timeout naming the stuck file, and the next reload runs', async () => {
    let calls = 0;
    const load: Loader = (d, options) =>
      ++calls === 1
        ? loadKnowledgeInWorker(d, { ...options, workerUrl: fixture('hung-read.mjs') })
        : // Starting a worker from TypeScript sources (tsx) can itself take a second on a busy machine.
          loadKnowledgeInWorker(d, { ...options, timeoutMs: 60_000 });
    const service = new KnowledgeService({ dir, load, reloadTimeoutMs: 1_000 });
    const started = performance.now();
    const hung = await service.reload('mod');
    // Ended by the 1 s reload timeout (a hang would meet the test's own timeout instead).
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(hung.ok).toBe(false);
    if (!hung.ok) {
      expect(hung.errors).toEqual([
        {
          file: 'share/stuck.md',
          message: expect.stringMatching(
            /still being read when loading stopped after 1 s \(RELOAD_TIMEOUT_SECONDS\)/,
          ),
        },
      ]);
    }
    expect(service.status().lastReload?.outcome.ok).toBe(false);
    expect(await service.reload('mod')).toMatchObject({ ok: true, documents: 1 });
  });

  it('GIVEN a load stuck computing THEN the worker is stopped after the timeout and the report names the stage', async () => {
    const result = await loadKnowledgeInWorker(dir, {
      timeoutMs: 1_000,
      workerUrl: fixture('busy-indexing.mjs'),
    });
    expect(result).toEqual({
      ok: false,
      error: [
        {
          file: dir,
          message: expect.stringMatching(/stopped after 1 s .* while indexing: raise RELOAD_TIMEOUT_SECONDS/),
        },
      ],
    });
  });
});

describe('reload requests while a reload runs', () => {
  it('GIVEN 20 requests during one reload THEN they are coalesced into one more reload that sees the last change', async () => {
    const releases: Array<() => void> = [];
    let loads = 0;
    const load: Loader = async (d, { timeoutMs: _, ...options }) => {
      loads++;
      await new Promise<void>((release) => releases.push(release));
      return loadKnowledge(d, options);
    };
    const service = new KnowledgeService({ dir, load });
    const first = service.reload('startup');
    await Promise.resolve();
    const requests = Array.from({ length: 20 }, (_, k) => service.reload(`SIGHUP ${k}`));
    await writeFile(join(dir, 'b.md'), doc('Beta', 'The beta memo was signed in Lisbon.'));
    while (releases.length < 1) await new Promise((r) => setTimeout(r, 5));
    releases.shift()!();
    expect(await first).toMatchObject({ ok: true, documents: 2 });
    while (releases.length < 1) await new Promise((r) => setTimeout(r, 5));
    releases.shift()!();
    const outcomes: unknown[] = await Promise.all(requests);
    expect(loads).toBe(2);
    expect(new Set(outcomes).size).toBe(1);
    expect(outcomes[0]).toMatchObject({ ok: true, documents: 2, added: [] });
    // A request after they finished starts a reload of its own.
    const later = service.reload('later');
    while (releases.length < 1) await new Promise((r) => setTimeout(r, 5));
    releases.shift()!();
    await later;
    expect(loads).toBe(3);
  });
});
