import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer, loadIndex, type SearchIndex } from '../../src/core/index.js';

// The shared development case file is read where it lies (never copied into the repository); on a
// machine without it these cases are skipped, and the same behaviour is covered by verify.test.ts.
const kb = resolve('../shared/eval/case-dev/kb');

describe.skipIf(!existsSync(kb))('case-dev: reports that disagree are shown side by side', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    const loaded = await loadIndex(kb);
    if (!loaded.ok) throw new Error('case-dev did not load');
    index = loaded.value.index;
  });

  const differs = (question: string, values: readonly string[]): void => {
    const a = answer(index, question);
    expect(a.differ, a.text).toBe(true);
    expect(a.text.startsWith('Reports differ:')).toBe(true);
    expect(new Set(a.citations.map((c) => c.documentId)).size).toBe(2);
    for (const c of a.citations) expect(c.source && c.date).toBeTruthy();
    for (const v of values) expect(a.text).toContain(v);
  };

  it('GIVEN two reports of the cards on the seized laptop THEN 1.7 and 2.1 million are both cited', () => {
    differs('How many card numbers were on the laptop seized from Seleznev?', ['1.7 million', '2.1 million']);
  });

  it('GIVEN two reports of the sentencing day THEN 22 April and April 21 are both cited', () => {
    differs('When was Seleznev sentenced to 27 years?', ['22 April', 'April 21']);
  });

  it('GIVEN a later sentencing for other crimes THEN its date is not shown as a disagreement', () => {
    // The Atlanta sentencing seven months later also mentions the 27 years; it is another event.
    const a = answer(index, 'When was Seleznev sentenced to 27 years?');
    expect(a.text).not.toMatch(/Atlanta|14 more years/);
  });

  it('GIVEN an age in one report and a term in another THEN no disagreement is claimed', () => {
    const a = answer(index, 'How old was Burkov?');
    expect(a.differ, a.text).toBeUndefined();
    expect(a.text).toContain('29-year-old');
  });

  it('GIVEN a question with no event ("where is he from?") THEN two places are not two reports', () => {
    expect(answer(index, 'Where is Seleznev from?').differ).toBeUndefined();
  });
});
