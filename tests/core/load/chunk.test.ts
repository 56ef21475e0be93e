import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../../src/core/load/chunk.js';
import type { KnowledgeDocument, Passage } from '../../../src/core/index.js';

const doc = (body: string, id = 'case/doc', bodyLine = 1): KnowledgeDocument => ({
  id,
  path: `${id}.md`,
  title: 'A document',
  tags: [],
  body,
  bodyLine,
});

const ids = (passages: readonly Passage[]): string[] => passages.map((p) => p.id);

describe('chunkDocument', () => {
  it('GIVEN paragraphs of sentences THEN ids read `${docId}#p${paragraph}.s${sentence}`', () => {
    const passages = chunkDocument(doc('One here. Two here.\n\nThree here.'));
    expect(passages.map((p) => [p.id, p.documentId, p.paragraph, p.sentence, p.text])).toEqual([
      ['case/doc#p1.s1', 'case/doc', 1, 1, 'One here.'],
      ['case/doc#p1.s2', 'case/doc', 1, 2, 'Two here.'],
      ['case/doc#p2.s1', 'case/doc', 2, 1, 'Three here.'],
    ]);
  });

  it('GIVEN headings between paragraphs THEN headings are not counted as paragraphs and label what follows', () => {
    const passages = chunkDocument(
      doc('Intro text.\n\n## History\n\nEarly days.\n\n### Arrest ###\nHe was held.\n\nStill held.'),
    );
    expect(passages.map((p) => [p.id, p.heading])).toEqual([
      ['case/doc#p1.s1', undefined],
      ['case/doc#p2.s1', 'History'],
      ['case/doc#p3.s1', 'Arrest'],
      ['case/doc#p4.s1', 'Arrest'],
    ]);
    expect(passages[0]).not.toHaveProperty('heading');
  });

  it('GIVEN a bulleted list THEN each item is a paragraph of its own, continuation lines included', () => {
    const passages = chunkDocument(doc('Facts:\n- First item.\n- Second item\n  wraps here.\n* Third item.'));
    expect(passages.map((p) => p.paragraph)).toEqual([1, 2, 3, 4]);
    expect(passages[0]!.text).toBe('Facts:');
    expect(passages[1]!.text).toMatch(/First item\.$/);
    expect(passages[2]!.text).toMatch(/Second item wraps here\.$/);
    expect(passages[3]!.text).toMatch(/Third item\.$/);
  });

  it('GIVEN a sentence wrapped over lines with extra spaces THEN text collapses white space and start/end slice it from the body', () => {
    const body = 'First   sentence\nwraps over lines.  Second one\tfollows.\n\nLast paragraph here.';
    const passages = chunkDocument(doc(body));
    expect(passages.map((p) => p.text)).toEqual([
      'First sentence wraps over lines.',
      'Second one follows.',
      'Last paragraph here.',
    ]);
    for (const p of passages) {
      expect(body.slice(p.start, p.end).replace(/\s+/g, ' ')).toBe(p.text);
    }
  });

  it('GIVEN offsets after headings and lists THEN every slice still matches its passage', () => {
    const body = '# Top\n\nAlpha one. Beta two!\n\n## Sub\n- Gamma three?\n- Delta four.\n\nEpsilon five.';
    const passages = chunkDocument(doc(body));
    expect(passages).toHaveLength(5);
    for (const p of passages) {
      expect(body.slice(p.start, p.end).replace(/\s+/g, ' ')).toBe(p.text);
    }
  });

  it('GIVEN bodyLine THEN each passage line is the file line where its sentence starts', () => {
    const body = 'Line one.\n\nPara two starts\nhere. And a second\nsentence.\n\n\nPara three.';
    const passages = chunkDocument(doc(body, 'd', 7));
    expect(passages.map((p) => [p.id, p.line])).toEqual([
      ['d#p1.s1', 7],
      ['d#p2.s1', 9],
      ['d#p2.s2', 10],
      ['d#p3.s1', 14],
    ]);
  });

  it('GIVEN a later paragraph is edited THEN the ids and offsets of earlier passages do not change', () => {
    const before = chunkDocument(doc('Kept first. Kept second.\n\nOld third paragraph.'));
    const after = chunkDocument(
      doc('Kept first. Kept second.\n\nNew text. With two sentences now.\n\nAnd more.'),
    );
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(ids(after)).toEqual([
      'case/doc#p1.s1',
      'case/doc#p1.s2',
      'case/doc#p2.s1',
      'case/doc#p2.s2',
      'case/doc#p3.s1',
    ]);
  });

  it('GIVEN a paragraph with no letters or digits THEN it yields no passage', () => {
    const passages = chunkDocument(doc('Real text.\n\n...\n\n* * *'));
    expect(ids(passages)).toEqual(['case/doc#p1.s1']);
  });

  it('GIVEN Windows line endings THEN texts carry no carriage returns and headings are still found', () => {
    const passages = chunkDocument(doc('## Part\r\nFirst line\r\ncontinues.\r\n\r\nSecond para.\r\n'));
    expect(passages.map((p) => [p.text, p.heading, p.line])).toEqual([
      ['First line continues.', 'Part', 2],
      ['Second para.', 'Part', 5],
    ]);
  });

  it('GIVEN a numbered list THEN each item is one passage without its number', () => {
    const passages = chunkDocument(doc('Steps:\n1. Seize the servers.\n2. Arrest him.'));
    expect(passages.map((p) => [p.id, p.text])).toEqual([
      ['case/doc#p1.s1', 'Steps:'],
      ['case/doc#p2.s1', 'Seize the servers.'],
      ['case/doc#p3.s1', 'Arrest him.'],
    ]);
  });

  it('GIVEN a horizontal rule between paragraphs THEN it uses up no paragraph number', () => {
    expect(ids(chunkDocument(doc('Before.\n\n---\n\nAfter.')))).toEqual(['case/doc#p1.s1', 'case/doc#p2.s1']);
  });
});
