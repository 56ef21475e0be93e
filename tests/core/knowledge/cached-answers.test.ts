import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answer, loadKnowledge, type SearchIndex } from '../../../src/core/index.js';
import { indexParts } from '../../../src/core/search/index-parts.js';

const CASE_DEV = '../shared/eval/case-dev';
const cases = [
  { name: 'the bundled knowledge folder', kb: 'knowledge', questions: 'tests/fixtures/seed-questions.jsonl' },
  { name: 'the case-dev knowledge base', kb: `${CASE_DEV}/kb`, questions: `${CASE_DEV}/questions.jsonl` },
];

const cacheDirs: string[] = [];
afterAll(() => Promise.all(cacheDirs.map((d) => rm(d, { recursive: true, force: true }))));

/** Each question as asked, and with a letter dropped from its longest word (so typo correction runs). */
async function questionsOf(file: string): Promise<string[]> {
  const asked = (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { q: string }).q);
  const typos = asked.map((q) => {
    const longest = q.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
    return q.replace(longest, longest.slice(0, 2) + longest.slice(3));
  });
  return [...asked, ...typos];
}

async function load(kb: string, cacheDir: string | undefined): Promise<{ index: SearchIndex; cache: string }> {
  const loaded = await loadKnowledge(kb, { cacheDir, cacheMinBytes: 0 });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value;
}

describe('an index loaded from the cache', () => {
  for (const c of cases) {
    it.skipIf(!existsSync(c.kb))(
      `GIVEN ${c.name} THEN it answers every question exactly as a freshly built one`,
      async () => {
        const cacheDir = await mkdtemp(join(tmpdir(), 'casefile-cached-answers-'));
        cacheDirs.push(cacheDir);
        const fresh = await load(c.kb, undefined);
        expect((await load(c.kb, cacheDir)).cache).toBe('missing');
        const cached = await load(c.kb, cacheDir);
        expect(cached.cache).toBe('hit');
        const questions = await questionsOf(c.questions);
        expect(questions.length).toBeGreaterThan(20);
        for (const q of questions) expect(answer(cached.index, q), q).toEqual(answer(fresh.index, q));
        // Every part the cache stores comes back the same (a field left out of the parts would differ).
        expect(indexParts(cached.index)).toEqual(indexParts(fresh.index));
        expect(cached.index.documents()).toEqual(fresh.index.documents());
      },
    );
  }
});
