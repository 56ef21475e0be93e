import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, loadKnowledge, type SearchIndex } from '../../../src/core/index.js';
import { decode, encode } from '../../../src/core/cache/binary-codec.js';
import {
  documentDigests,
  reloadPayload,
  restorePayload,
  type ReloadPayload,
} from '../../../src/core/knowledge/reload-payload.js';
import { loadKnowledgeInWorker } from '../../../src/core/knowledge/load-in-worker.js';
import { assembleFromParts, indexParts, passageLists } from '../../../src/core/search/index-parts.js';
import { KnowledgeService, type Loader } from '../../../src/core/service/knowledge-service.js';

const doc = (title: string, body: string) => `---\ntitle: ${title}\n---\n${body}\n`;
const payloadFor = (index: SearchIndex, known: ReadonlyMap<string, string>) =>
  reloadPayload(indexParts(index), passageLists(index), known);

const FILES: Record<string, string> = {
  'a.md': doc('Alpha', 'Pyotr Levashov was detained in Barcelona in April 2017. He was extradited later.'),
  'b.md': doc('Beta', 'The beta memo was signed in Lisbon on 3 March 2016 by the minister.'),
  'c.md': doc('Gamma', 'Gamma notes that Levashov ran the Kelihos botnet for years.'),
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casefile-payload-'));
  for (const [name, text] of Object.entries(FILES)) await writeFile(join(dir, name), text);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function load(): Promise<SearchIndex> {
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value.index;
}

describe('index payloads that leave out what the receiver holds', () => {
  it('GIVEN one document changed THEN only it travels, and the restored parts equal the whole index, sharing the unchanged documents', async () => {
    const before = await load();
    const known = documentDigests(before);
    await writeFile(join(dir, 'b.md'), doc('Beta', 'The beta memo was signed in Porto on 3 March 2016.'));
    const after = await load();

    const partial = (await decode(encode(payloadFor(after, known)))) as ReloadPayload;
    expect(partial.reused).toEqual([true, false, true]);
    expect(partial.parts.documents.map((d) => d.id)).toEqual(['b']);
    const { parts, lists, digests } = await restorePayload(partial, before);
    const restored = await assembleFromParts(parts, undefined, lists);

    expect(indexParts(restored)).toEqual(indexParts(after));
    expect(digests).toEqual(documentDigests(after));
    expect(restored.document('a')).toBe(before.document('a'));
    expect(restored.passage(0)).toBe(before.passage(0));
    expect(restored.mentions(0)).toBe(before.mentions(0));
    expect(restored.document('b')).not.toBe(before.document('b'));
  });

  it('GIVEN a change elsewhere that changes what is known about a document (a surname named in full) THEN that document travels too', async () => {
    await writeFile(join(dir, 'a.md'), doc('Alpha', 'Levashov was detained in Barcelona in April 2017.'));
    const before = await load();
    const known = documentDigests(before);
    // Naming Pyotr Levashov in full makes the lone "Levashov" of a.md and c.md a person.
    await writeFile(join(dir, 'b.md'), doc('Beta', 'Pyotr Levashov signed the beta memo in Lisbon.'));
    const after = await load();
    const partial = payloadFor(after, known);

    // a.md and c.md did not change, but their tags did: nothing is left out.
    expect(documentDigests(after).get('a')).not.toBe(known.get('a'));
    expect(partial.reused ?? []).not.toContain(true);
    expect(partial.parts.documents).toHaveLength(3);
    const { parts, lists } = await restorePayload(partial, before);
    expect(indexParts(await assembleFromParts(parts, undefined, lists))).toEqual(indexParts(after));
  });

  it('GIVEN a reload on the worker after one document changed THEN it answers as a fresh build and keeps the unchanged documents’ objects', async () => {
    let sent: Record<string, string> | undefined;
    const load: Loader = (d, options) => {
      sent = options.known;
      return loadKnowledgeInWorker(d, options);
    };
    const service = new KnowledgeService({
      dir,
      load: (d, options) => (options.previous ? load(d, options) : loadKnowledge(d, options)),
    });
    await service.reload('startup');
    const first = service.current();
    await writeFile(join(dir, 'b.md'), doc('Beta', 'The beta memo was signed in Porto on 3 March 2016.'));

    expect(await service.reload('mod')).toMatchObject({ ok: true, changed: ['b'] });

    expect(Object.keys(sent ?? {}).sort()).toEqual(['a', 'b', 'c']);
    const now = service.current();
    expect(now.document('a')).toBe(first.document('a'));
    expect(now.document('b')).not.toBe(first.document('b'));
    const fresh = await load(dir, { timeoutMs: 60_000 });
    if (!fresh.ok || 'unchanged' in fresh.value) throw new Error('load failed');
    expect(indexParts(now)).toEqual(indexParts(fresh.value.index));
    for (const q of ['where was the beta memo signed?', 'when was Levashov detained?']) {
      expect(answer(now, q)).toEqual(answer(fresh.value.index, q));
    }
    expect(answer(now, 'where was the beta memo signed?').text).toContain('Porto');
  });
});
