import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatLoadError,
  loadKnowledgeBase,
  type KnowledgeBase,
  type LoadError,
} from '../../../src/core/index.js';

const made: string[] = [];

/** A fresh knowledge folder holding `files` (relative path → text or raw bytes). */
async function folder(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'casefile-load-test-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  }
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function loadOk(files: Record<string, string | Uint8Array>): Promise<KnowledgeBase> {
  const loaded = await loadKnowledgeBase(await folder(files));
  if (!loaded.ok)
    throw new Error(`expected a knowledge base, got:\n${loaded.error.map(formatLoadError).join('\n')}`);
  return loaded.value;
}

async function loadErrors(
  files: Record<string, string | Uint8Array>,
  options?: { maxFileBytes: number },
): Promise<LoadError[]> {
  const loaded = await loadKnowledgeBase(await folder(files), options);
  if (loaded.ok) throw new Error('expected load errors, got a knowledge base');
  return loaded.error;
}

const GOOD = 'Levashov was arrested in Barcelona. He ran the Kelihos botnet.';

describe('loadKnowledgeBase: what loads', () => {
  it('GIVEN nested folders with .md and .txt files THEN every document loads with its relative path and id', async () => {
    const kb = await loadOk({
      'top.md': GOOD,
      'kelihos/arrest.txt': 'The arrest happened in April 2017.',
      'kelihos/deep/trial.md': 'The trial took place in Connecticut.',
    });
    expect(kb.documents.map((d) => [d.path, d.id]).sort()).toEqual([
      ['kelihos/arrest.txt', 'kelihos/arrest'],
      ['kelihos/deep/trial.md', 'kelihos/deep/trial'],
      ['top.md', 'top'],
    ]);
    expect(kb.passages.map((p) => p.documentId)).toContain('kelihos/deep/trial');
  });

  it('GIVEN hidden folders and hidden files THEN they are ignored, as are files of other types', async () => {
    const kb = await loadOk({
      'visible.md': GOOD,
      '.git/notes.md': 'Hidden folder text.',
      'sub/.drafts/draft.md': 'Hidden nested text.',
      '.secret.md': 'Hidden file text.',
      'image.png': 'not a document',
    });
    expect(kb.documents.map((d) => d.path)).toEqual(['visible.md']);
  });

  it('GIVEN no front matter and no heading THEN the title comes from the file name', async () => {
    const kb = await loadOk({ 'king-of_spam.md': GOOD });
    expect(kb.documents[0]!.title).toBe('king of spam');
  });

  it('GIVEN a leading "# Title" THEN it becomes the title and leaves the body, and bodyLine points past it', async () => {
    const kb = await loadOk({ 'a.md': '\n# The Kelihos Case\n\nFirst sentence. Second sentence.\n' });
    const doc = kb.documents[0]!;
    expect(doc.title).toBe('The Kelihos Case');
    expect(doc.body).not.toContain('Kelihos Case');
    expect(doc.bodyLine).toBe(3);
    expect(kb.passages.map((p) => [p.text, p.line])).toEqual([
      ['First sentence.', 4],
      ['Second sentence.', 4],
    ]);
  });

  it('GIVEN both a front matter title and a leading "# Title" THEN the front matter title wins', async () => {
    const kb = await loadOk({
      'a.md': '---\ntitle: From Front Matter\n---\n# From Heading\nBody text here.\n',
    });
    expect(kb.documents[0]!.title).toBe('From Front Matter');
    expect(kb.documents[0]!.body).not.toContain('From Heading');
  });

  it('GIVEN front matter THEN its fields are kept and passage lines count the front matter lines', async () => {
    const kb = await loadOk({
      'case/arrest.md': [
        '---',
        'id: kelihos/arrest',
        'title: The arrest',
        'tags: [kelihos, arrest]',
        'url: https://example.org/arrest',
        'source: Example News',
        'date: 2017-04-10',
        '---',
        'Levashov was arrested in Barcelona.',
        '',
        'He was extradited later.',
        'Much later, in fact.',
      ].join('\n'),
    });
    const doc = kb.documents[0]!;
    expect(doc).toMatchObject({
      id: 'kelihos/arrest',
      path: 'case/arrest.md',
      title: 'The arrest',
      tags: ['kelihos', 'arrest'],
      url: 'https://example.org/arrest',
      source: 'Example News',
      date: '2017-04-10',
      bodyLine: 9,
    });
    expect(kb.passages.map((p) => [p.id, p.line])).toEqual([
      ['kelihos/arrest#p1.s1', 9],
      ['kelihos/arrest#p2.s1', 11],
      ['kelihos/arrest#p2.s2', 12],
    ]);
  });

  it('GIVEN a year as a bare number in front matter THEN date is kept as a string', async () => {
    const kb = await loadOk({ 'a.md': '---\ndate: 2017\n---\nBody text.' });
    expect(kb.documents[0]!.date).toBe('2017');
  });

  it('GIVEN Windows line endings and a UTF-8 BOM THEN front matter still parses and lines stay right', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const text = Buffer.from('---\r\ntitle: CRLF doc\r\n---\r\nFirst line.\r\n\r\nSecond para.\r\n');
    const kb = await loadOk({ 'a.md': Buffer.concat([bom, text]) });
    expect(kb.documents[0]!.title).toBe('CRLF doc');
    expect(kb.passages.map((p) => [p.text, p.line])).toEqual([
      ['First line.', 4],
      ['Second para.', 6],
    ]);
  });
});

describe('loadKnowledgeBase: file problems', () => {
  it('GIVEN an empty file THEN the error names it and says there is no text', async () => {
    const errors = await loadErrors({ 'good.md': GOOD, 'notes/empty.md': '' });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe('notes/empty.md');
    expect(errors[0]!.message).toMatch(/no text/);
  });

  it('GIVEN a whitespace-only file THEN it is refused like an empty one', async () => {
    const errors = await loadErrors({ 'blank.txt': '  \n\t\n   \n' });
    expect(errors).toEqual([{ file: 'blank.txt', message: expect.stringMatching(/no text/) }]);
  });

  it('GIVEN a file with only front matter and a title THEN it is refused for having no text', async () => {
    const errors = await loadErrors({ 'a.md': '---\ntitle: Nothing\n---\n# Heading only\n' });
    expect(errors.map((e) => e.file)).toEqual(['a.md']);
    expect(errors[0]!.message).toMatch(/no text/);
  });

  it('GIVEN a binary file (NUL bytes) THEN it is refused as binary', async () => {
    const errors = await loadErrors({
      'scan.md': Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe('scan.md');
    expect(errors[0]!.message).toMatch(/binary/);
  });

  it('GIVEN Latin-1 bytes (0xE9) THEN it is refused as not UTF-8, pointing at the line of the bad byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from('First line.\nSecond line.\nThe caf'),
      Buffer.from([0xe9]),
      Buffer.from(' closed.\n'),
    ]);
    const errors = await loadErrors({ 'latin1.txt': bytes });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'latin1.txt', line: 3 });
    expect(errors[0]!.message).toMatch(/UTF-8/);
  });

  it('GIVEN a file over maxFileBytes THEN it is refused with the limit named, and a file under it loads', async () => {
    const errors = await loadErrors(
      { 'small.md': 'Short.', 'big.md': GOOD.repeat(5) },
      { maxFileBytes: 100 },
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe('big.md');
    expect(errors[0]!.message).toMatch(/limit/);
  });

  it('GIVEN front matter that is never closed THEN the error points at line 1', async () => {
    const errors = await loadErrors({ 'open.md': '---\ntitle: Open\nBody text without a closing fence.\n' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'open.md', line: 1 });
    expect(errors[0]!.message).toMatch(/never closed/);
  });

  it('GIVEN front matter that is not valid YAML THEN the error says so and gives a line inside the front matter', async () => {
    const errors = await loadErrors({ 'bad.md': '---\ntags: [a, b\n---\nBody text.' });
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.file).toBe('bad.md');
      expect(e.message).toMatch(/not valid YAML/);
      expect(e.line).toBe(2);
    }
  });

  it('GIVEN an unknown front matter key THEN the error names the key, its line and the allowed keys', async () => {
    const errors = await loadErrors({ 'a.md': '---\ntitle: Fine\nauthor: Someone\n---\nBody text.' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'a.md', line: 3 });
    expect(errors[0]!.message).toContain('"author"');
    expect(errors[0]!.message).toMatch(/allowed keys are .*title/);
  });

  it('GIVEN tags given as a number THEN the error names the key "tags" and its line', async () => {
    const errors = await loadErrors({ 'a.md': '---\ntitle: Fine\ntags: 5\n---\nBody text.' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'a.md', line: 3 });
    expect(errors[0]!.message).toContain('"tags"');
  });

  it('GIVEN a title given as a list THEN the error names the key "title" and its line', async () => {
    const errors = await loadErrors({ 'a.md': '---\ntitle: [a]\n---\nBody text.' });
    expect(errors).toEqual([{ file: 'a.md', line: 2, message: expect.stringContaining('"title"') }]);
  });

  it.each([['not a url'], ['ftp://example.org/file']])(
    'GIVEN url %j THEN the error asks for an http(s) URL',
    async (url) => {
      const errors = await loadErrors({ 'a.md': `---\ntitle: Fine\nurl: ${url}\n---\nBody text.` });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: 'a.md', line: 3 });
      expect(errors[0]!.message).toMatch(/"url".*http\(s\)/);
    },
  );

  it('GIVEN a malformed date THEN the error shows the accepted formats', async () => {
    const errors = await loadErrors({ 'a.md': '---\ndate: April 2017\n---\nBody text.' });
    expect(errors).toEqual([{ file: 'a.md', line: 2, message: expect.stringContaining('YYYY-MM-DD') }]);
  });

  it('GIVEN two files with the same front matter id THEN the second is reported, naming the first', async () => {
    const errors = await loadErrors({
      'one.md': '---\nid: case/same\n---\nFirst body.',
      'two.md': '---\nid: case/same\n---\nSecond body.',
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe('two.md');
    expect(errors[0]!.message).toContain('"case/same"');
    expect(errors[0]!.message).toContain('one.md');
  });

  it('GIVEN a.md and a.txt side by side THEN their shared id "a" is reported', async () => {
    const errors = await loadErrors({ 'a.md': 'Markdown body.', 'a.txt': 'Text body.' });
    // Files are read in sorted order, so a.txt is the one found second.
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe('a.txt');
    expect(errors[0]!.message).toContain('"a"');
    expect(errors[0]!.message).toContain('a.md');
  });

  it('GIVEN one bad file among good ones THEN the result is only errors, never a partial knowledge base', async () => {
    const loaded = await loadKnowledgeBase(
      await folder({ 'a.md': GOOD, 'b.md': 'Also good.', 'sub/c.md': '---\nwho: me\n---\nText.' }),
    );
    expect(loaded.ok).toBe(false);
    expect(loaded).not.toHaveProperty('value');
    if (!loaded.ok) expect(loaded.error.map((e) => e.file)).toEqual(['sub/c.md']);
  });

  it('GIVEN several bad files THEN every problem is reported, not just the first', async () => {
    const errors = await loadErrors({ 'empty.md': '', 'open.md': '---\ntitle: x\n', 'good.md': GOOD });
    expect(errors.map((e) => e.file).sort()).toEqual(['empty.md', 'open.md']);
  });

  it('GIVEN invalid YAML on line 5 of the file THEN the error points at line 5', async () => {
    const errors = await loadErrors({
      'a.md': '---\ntitle: Fine\ntags: [a]\nsource: Somewhere\nurl: [oops\n---\nBody text.',
    });
    expect(errors.map((e) => e.line)).toContain(5);
  });

  it('GIVEN a small size limit THEN the message gives sizes a person can read', async () => {
    const errors = await loadErrors({ 'big.md': 'x'.repeat(500) }, { maxFileBytes: 100 });
    expect(errors[0]!.message).toContain('500 bytes, over the 100 bytes limit');
  });
});

describe('loadKnowledgeBase: folder problems', () => {
  it('GIVEN a folder that does not exist THEN the error names the folder and says it was not found', async () => {
    const missing = join(await folder({}), 'nope');
    const loaded = await loadKnowledgeBase(missing);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.error).toHaveLength(1);
      expect(loaded.error[0]!.file).toBe(missing);
      expect(loaded.error[0]!.message).toMatch(/not found/);
    }
  });

  it('GIVEN a folder with no .md or .txt documents THEN the error says to add one', async () => {
    const dir = await folder({ 'picture.png': 'x', '.hidden/doc.md': GOOD });
    const loaded = await loadKnowledgeBase(dir);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.error).toEqual([
        { file: dir, message: expect.stringMatching(/no \.md or \.txt documents/) },
      ]);
    }
  });
});

describe('formatLoadError', () => {
  it('GIVEN an error with and without a line THEN it reads file:line: message', () => {
    expect(formatLoadError({ file: 'a.md', line: 3, message: 'bad' })).toBe('a.md:3: bad');
    expect(formatLoadError({ file: 'a.md', message: 'bad' })).toBe('a.md: bad');
  });
});
