import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/core/load/chunk.js';
import { parseDocumentFile } from '../../src/core/load/document.js';
import { loadKnowledgeBase, type KnowledgeDocument } from '../../src/core/index.js';
import { splitBlocks } from '../../src/core/text/paragraphs.js';
import { splitSentences } from '../../src/core/text/sentences.js';
import { termsOf } from '../../src/core/text/terms.js';
import { decodeText } from '../../src/core/load/decode.js';

const doc = (body: string): KnowledgeDocument => ({
  id: 'd',
  path: 'd.md',
  title: 'D',
  tags: [],
  body,
  bodyLine: 1,
});
const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('Markdown is read by a lexer', () => {
  it('GIVEN "# comment" inside a code fence THEN it is code in a paragraph, not a heading', () => {
    const blocks = splitBlocks('Intro text.\n\n```sh\n# comment\nrun --now\n```\n\nAfter.');
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Intro text.'],
      ['paragraph', '# comment\nrun --now'],
      ['paragraph', 'After.'],
    ]);
  });

  it('GIVEN headings, bullets and a rule THEN each bullet is its own paragraph under its heading', () => {
    const passages = chunkDocument(doc('## Charges\n\n- wire fraud;\n- identity theft.\n\n---\n\nDone.'));
    expect(passages.map((p) => [p.id, p.heading, p.text])).toEqual([
      ['d#p1.s1', 'Charges', 'wire fraud;'],
      ['d#p2.s1', 'Charges', 'identity theft.'],
      ['d#p3.s1', 'Charges', 'Done.'],
    ]);
  });

  it('GIVEN Markdown nested 40 levels deep THEN it loads as text with a warning naming the line', async () => {
    const file = {
      path: 'deep.md',
      bytes: new TextEncoder().encode(`Top.\n\n${'> '.repeat(40)}Deep text.\n`),
    };
    const parsed = parseDocumentFile(file);
    if (!parsed.ok) throw new Error('expected a document');
    const warnings: import('../../src/core/types.js').LoadError[] = [];
    const passages = (await import('../../src/core/load/chunk.js')).chunkDocumentReporting(
      parsed.value,
      warnings,
    );
    expect(passages.map((p) => p.text)).toEqual(['Top.', 'Deep text.']);
    expect(warnings).toEqual([
      expect.objectContaining({
        file: 'deep.md',
        line: 3,
        message: expect.stringMatching(/nested more than 16 levels/),
      }),
    ]);
  });
});

describe('datelines stay with the sentence they date', () => {
  it.each([
    [
      'MADRID, October 3. /TASS/. The Spanish court ruled on Tuesday.',
      'MADRID, October 3. /TASS/. The Spanish court ruled on Tuesday.',
    ],
    ['WASHINGTON (Reuters) - Officials said so. Then more.', 'WASHINGTON (Reuters) - Officials said so.'],
    ['MOSCOW, Jan. 5 (AFP). Russia protested. It said so.', 'MOSCOW, Jan. 5 (AFP). Russia protested.'],
  ])('GIVEN %s THEN the first sentence keeps the dateline', (text, first) => {
    expect(sentences(text)[0]).toBe(first);
  });

  it('GIVEN an ordinary opening sentence in capitals and lower case THEN it is not merged', () => {
    expect(sentences('NASA launched it. The crew cheered.')).toEqual([
      'NASA launched it.',
      'The crew cheered.',
    ]);
  });

  it('GIVEN the case-dev case file THEN no opening passage is only a dateline', async () => {
    const kb = await loadKnowledgeBase(join(import.meta.dirname, '../../../shared/eval/case-dev/kb'));
    if (!kb.ok) return; // the shared data is not in a fresh clone
    for (const p of kb.value.passages.filter((x) => x.sentence === 1)) {
      expect(p.text, p.id).toMatch(/\p{Ll}{3,}/u);
    }
  });
});

describe('caps that keep the text stages linear', () => {
  it('GIVEN a 40,000-letter word THEN the file loads, the word is indexed unstemmed and reported as a warning', async () => {
    const dir = join(import.meta.dirname, '../../node_modules/.casefile-hostile');
    const { mkdir, writeFile, rm } = await import('node:fs/promises');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'dna.md'),
      `# DNA\n\nFirst line.\nThe sample ${'acgt'.repeat(10_000)} was sequenced.\n`,
    );
    try {
      const kb = await loadKnowledgeBase(dir);
      if (!kb.ok) throw new Error('expected the load to succeed');
      expect(kb.value.warnings).toEqual([
        { file: 'dna.md', line: 4, message: 'word of 40,000 letters, indexed without stemming' },
      ]);
      expect(kb.value.passages.flatMap((p) => termsOf(p.text))).toContain('acgt'.repeat(10_000));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('GIVEN a long word in a question THEN it is left unstemmed too, and ordinary words still stem', () => {
    expect(termsOf(`arrested ${'ab'.repeat(100)}`)).toEqual(['arrest', 'ab'.repeat(100)]);
  });
});

describe('invisible characters', () => {
  it('GIVEN a zero-width space inside a word THEN it matches the plain word', () => {
    expect(termsOf('Leva\u200Bshov was de\u200Dtained')).toEqual(termsOf('Levashov was detained'));
  });

  it('GIVEN a BOM, BiDi overrides, zero-width and control characters in a file THEN they are dropped, lines kept', () => {
    const bytes = new TextEncoder().encode('\uFEFFLine one \u202Eevil\u202C.\nLine \u001B[31mtwo\u200B.\n');
    const text = decodeText(bytes);
    expect(text).toEqual({ ok: true, value: 'Line one evil.\nLine [31mtwo.\n' });
  });

  it('GIVEN random text THEN decoding keeps every line break and never leaves an invisible character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const decoded = decodeText(new TextEncoder().encode(s.replace(/\0/g, '')));
        if (!decoded.ok) return;
        expect(decoded.value.split('\n').length).toBe(s.replace(/\0/g, '').split('\n').length);
        expect(decoded.value).not.toMatch(/[\u0000-\u0008\u001B\u200B\u202E\uFEFF]/);
      }),
      { numRuns: 200, seed: 8 },
    );
  });
});

describe('passage ids are stable', () => {
  it('GIVEN the bundled article THEN its passage ids and lines are what they were before the lexer', async () => {
    const kb = await loadKnowledgeBase(join(import.meta.dirname, '../../knowledge'));
    if (!kb.ok) throw new Error('bundled article must load');
    expect(kb.value.passages.length).toBe(16);
    expect(kb.value.passages.map((p) => p.id).slice(0, 4)).toEqual([
      'king-of-spam#p1.s1',
      'king-of-spam#p2.s1',
      'king-of-spam#p3.s1',
      'king-of-spam#p3.s2',
    ]);
    const files = await readdir(join(import.meta.dirname, '../../knowledge'));
    expect(files).toContain('king-of-spam.md');
    expect(await readFile(join(import.meta.dirname, '../../knowledge/king-of-spam.md'), 'utf8')).toContain(
      'Levashov',
    );
  });
});
