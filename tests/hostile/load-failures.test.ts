import type { Dirent } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCoreConfig } from '../../src/config/core-config.js';
import { formatLoadError, loadKnowledgeBase, type LoadError } from '../../src/core/index.js';
import { parseKnowledgeFiles } from '../../src/core/load/parse-files.js';
import { nodeFileSystem, readKnowledgeFiles, type FileSystem } from '../../src/core/load/read-files.js';

const made: string[] = [];
async function folder(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'casefile-hostile-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const errorsOf = async (files: Record<string, string>): Promise<string[]> => {
  const loaded = await loadKnowledgeBase(await folder(files));
  if (loaded.ok) throw new Error('expected the load to fail');
  return loaded.error.map(formatLoadError);
};

const errnoError = (code: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: simulated`), { code });

/** The real file system, with some calls replaced: the failures a flaky host produces. */
const faulty = (overrides: Partial<FileSystem>): FileSystem => ({ ...nodeFileSystem, ...overrides });

const readWith = async (dir: string, fs: FileSystem, timeoutMs = 5_000): Promise<LoadError[]> => {
  const read = await readKnowledgeFiles(dir, 1_000_000, undefined, { fs, timeoutMs });
  const parsed = parseKnowledgeFiles(dir, read);
  return parsed.ok ? [] : parsed.error;
};

describe('loader failures come back as file:line: what to do', () => {
  it('GIVEN a file the bot may not read (EACCES) THEN it is named with what to do, and nothing throws', async () => {
    const dir = await folder({ 'ok.md': 'Fine text.', 'secret.md': 'Hidden.' });
    const fs = faulty({
      readFile: (path, maxBytes) =>
        path.endsWith('secret.md')
          ? Promise.reject(errnoError('EACCES'))
          : nodeFileSystem.readFile(path, maxBytes),
    });
    const errors = await readWith(dir, fs);
    expect(errors.map(formatLoadError)).toEqual([
      expect.stringMatching(
        /^secret\.md: cannot be read \(permission denied\): give the user running Casefile read access/,
      ),
    ]);
  });

  it('GIVEN a folder the bot may not list (EACCES) THEN the folder is named and the other files still read', async () => {
    const dir = await folder({ 'ok.md': 'Fine text.', 'locked/a.md': 'Hidden.' });
    const fs = faulty({
      readdir: (path) =>
        path.endsWith('locked') ? Promise.reject(errnoError('EACCES')) : nodeFileSystem.readdir(path),
    });
    const read = await readKnowledgeFiles(dir, 1_000_000, undefined, { fs });
    expect(read.files.map((f) => f.path)).toEqual(['ok.md']);
    expect(read.errors.map(formatLoadError)).toEqual([
      expect.stringMatching(/^locked: folder cannot be listed \(permission denied\)/),
    ]);
  });

  it('GIVEN a file deleted between listing and reading THEN it is reported as vanished, asking for a reload', async () => {
    const dir = await folder({ 'ok.md': 'Fine text.', 'gone.md': 'Soon gone.' });
    const fs = faulty({
      readFile: async (path, maxBytes) => {
        if (path.endsWith('gone.md')) await rm(path);
        return nodeFileSystem.readFile(path, maxBytes);
      },
    });
    expect((await readWith(dir, fs)).map(formatLoadError)).toEqual([
      expect.stringMatching(/^gone\.md: disappeared while the knowledge folder was being read: reload/),
    ]);
  });

  it('GIVEN a read that never returns (a hung share) THEN the load ends after the timeout naming the stuck file', async () => {
    const dir = await folder({ 'ok.md': 'Fine text.', 'stuck.md': 'On a hung share.' });
    const fs = faulty({
      readFile: (path, maxBytes) =>
        path.endsWith('stuck.md')
          ? new Promise<Uint8Array>(() => undefined)
          : nodeFileSystem.readFile(path, maxBytes),
    });
    // That it ends at all is the point (the test's own timeout stops a hang); that it ends only after
    // the timeout shows the timeout, not some other failure, ended it.
    const started = performance.now();
    const errors = await readWith(dir, fs, 200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(errors.map(formatLoadError)).toEqual([
      expect.stringMatching(
        /^stuck\.md: reading this file did not finish within 0\.2 s \(a hung network share or disk\?\)/,
      ),
    ]);
  });

  it('GIVEN a folder listing that never returns THEN the folder is named after the timeout', async () => {
    const dir = await folder({ 'ok.md': 'Fine text.' });
    const fs = faulty({ readdir: () => new Promise<Dirent[]>(() => undefined) });
    const read = await readKnowledgeFiles(dir, 1_000_000, undefined, { fs, timeoutMs: 100 });
    expect(read.errors.map(formatLoadError)[0]).toMatch(/listing this folder did not finish within 0\.1 s/);
  });

  it('GIVEN a YAML alias bomb in front matter THEN it is refused with a line, quickly', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    ].join('\n');
    expect(await errorsOf({ 'bomb.md': `---\n${bomb}\n---\nText.` })).toEqual([
      'bomb.md:2: front matter expands too many YAML aliases (*name): write the values out',
    ]);
  });

  it.each([
    ['nested "?" keys (a minute in the yaml parser)', `${'? '.repeat(400)}x`, /complex keys/],
    [
      'nested flow maps (out of memory in the yaml parser)',
      `k: ${'{'.repeat(400)}`,
      /nests brackets too deeply/,
    ],
    ['a huge front matter', `title: ${'x'.repeat(10_000)}`, /over the 4,096 limit/],
    ['deep indentation', `a:\n${' '.repeat(40)}b: c`, /nested too deeply/],
  ])(
    'GIVEN front matter with %s THEN it is refused before the yaml parser sees it',
    async (_, yaml, message) => {
      const [error] = await errorsOf({ 'doc.md': `---\n${yaml}\n---\nText.` });
      expect(error).toMatch(/^doc\.md:\d+: front matter /);
      expect(error).toMatch(message);
    },
  );

  it.each(['2017-13-45', '2017-02-29', '2017-00', '2017-04-31'])(
    'GIVEN date: %s (not a real day) THEN it is refused with the key and what to write',
    async (date) => {
      expect(await errorsOf({ 'doc.md': `---\ndate: ${date}\n---\nText.` })).toEqual([
        'doc.md:2: front matter key "date": is not a real calendar date: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2017-04-21)',
      ]);
    },
  );

  it('GIVEN real dates, a leap day among them THEN they load', async () => {
    const loaded = await loadKnowledgeBase(
      await folder({ 'a.md': '---\ndate: 2016-02-29\n---\nText.', 'b.md': '---\ndate: 2017-12\n---\nText.' }),
    );
    expect(loaded.ok).toBe(true);
  });

  it('GIVEN KNOWLEDGE_DIR set to nothing THEN the configuration error says what to set, not a generic zod message', () => {
    const parsed = parseCoreConfig({ KNOWLEDGE_DIR: '' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.error).toEqual([expect.stringMatching(/^KNOWLEDGE_DIR: is empty: set it to the folder/)]);
  });
});
