import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeAnswer } from '../../src/cli/safe-output.js';
import { formatAnswerForTerminal } from '../../src/cli/format-answer.js';
import type { Concept } from '../../src/core/answer/concepts.js';
import { analyseQuestion } from '../../src/core/answer/question.js';
import { trimToClauses } from '../../src/core/answer/trim.js';
import { chunkDocument } from '../../src/core/load/chunk.js';
import { parseDocumentFile } from '../../src/core/load/document.js';
import { parseFrontMatter } from '../../src/core/load/front-matter.js';
import { termsOf } from '../../src/core/text/terms.js';
import type { Answer } from '../../src/core/types.js';
import { growth, GROWTH_LIMIT } from './timing.js';

/**
 * Every stage that sees document or question text, run on hostile text of size n and 4n: the time
 * must grow about 4 times, not 16 (see timing.ts). Each case here stalled the bot before (issue 8).
 */
const encoder = new TextEncoder();

/** The whole load path of one file: decode, front matter, title, Markdown blocks, sentences, terms. */
function loadFile(text: string): number {
  const doc = parseDocumentFile({ path: 'hostile.md', bytes: encoder.encode(text) });
  if (!doc.ok) return 0;
  return chunkDocument(doc.value).reduce((n, p) => n + termsOf(p.text).length, 0);
}

const concept = (word: string): Concept => {
  const term = termsOf(word)[0]!;
  return { term, weight: 1, forms: new Map([[term, 1]]) };
};
const dateQuestion = analyseQuestion('when was Levashov detained in Spain');
const trim = (sentence: string): string =>
  trimToClauses(
    sentence,
    ['levashov', 'detained', 'spain'].map(concept),
    dateQuestion.parts,
    new Set(dateQuestion.terms),
  );

const answerOf = (text: string): Answer => {
  const citation = {
    n: 1,
    passageId: 'd#p1.s1',
    documentId: 'd',
    title: text,
    location: '¶1',
    passage: text,
  };
  return { answered: true, text, citations: [citation], confidence: 1, related: [] };
};

/**
 * The stages, grouped by the path text takes. The file load runs decoding, front matter, the title,
 * Markdown blocks, sentence splitting, folding, tokenising and stemming; the answer runs clause trimming
 * and the CLI's capped, cleaned output. (Questions are capped at 500 characters before any stage.)
 */
const STAGES: ReadonlyArray<readonly [string, (text: string) => unknown]> = [
  ['file load (decode, front matter, blocks, sentences, terms)', (t) => loadFile(t)],
  ['front matter', (t) => parseFrontMatter(`---\ntitle: ${t}\n---\nbody`)],
  ['clause trimming', (t) => trim(t)],
  ['answer output (CLI)', (t) => formatAnswerForTerminal(safeAnswer(answerOf(t)))],
];

/** Hostile inputs of size about n: each made a stage superlinear before (issue 8), or might. */
const HOSTILE: ReadonlyArray<readonly [string, (n: number) => string]> = [
  // The patterns these broke backtracked when the match failed at the end: hence the lower-case endings.
  ['a heading with a run of spaces', (n) => `# a${' '.repeat(n)}b`],
  ['a heading with spaces before a closing #', (n) => `# a${' '.repeat(n)}#b`],
  ['a run of ?!', (n) => `Really${'?!'.repeat(n / 2)} yes`],
  ['a run of dots', (n) => `Wait${'.'.repeat(n)} then`],
  ['a run of ? at the end', (n) => `Why${'?'.repeat(n)}`],
  ['one long word', (n) => `The code ${'acgt'.repeat(n / 4)} was found.`],
  ['a hyphen chain', (n) => `A ${'ab-'.repeat(n / 3)}ab chain.`],
  ['an apostrophe chain', (n) => `A ${"ab'".repeat(n / 3)}ab chain.`],
  [
    'clause boundaries',
    (n) => `Levashov was detained in Spain in April 2017${'; and so on'.repeat(n / 11)}.`,
  ],
  ['setext-like lines', (n) => 'a\n-\n'.repeat(n / 4)],
  ['bullet lines', (n) => '- item text\n'.repeat(n / 12)],
  ['nested quotes', (n) => `${'> '.repeat(n / 2)}deep`],
  ['nested bullets', (n) => `${'- '.repeat(n / 2)}deep`],
  [
    'an indentation staircase',
    (n) => Array.from({ length: Math.sqrt(n) }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n'),
  ],
  ['code fences', (n) => '```\n# comment\n'.repeat(n / 14)],
  ['zero-width characters', (n) => `Leva${'\u200B'.repeat(n)}shov.`],
  ['abbreviations', (n) => 'etc. '.repeat(n / 5)],
  ['capitals and periods', (n) => 'A. B. '.repeat(n / 6)],
  ['colons before capitals', (n) => `${'x: A '.repeat(n / 5)}.`],
  ['brackets', (n) => '['.repeat(n)],
  ['spaces then a newline', (n) => `${' '.repeat(n)}\n`],
];

const N = 1_000;

describe('every text stage grows linearly on hostile input', () => {
  for (const [input, make] of HOSTILE) {
    it(`GIVEN ${input} THEN no stage grows faster than linearly`, () => {
      for (const [stage, run] of STAGES) {
        const g = growth(run, make, N);
        expect(
          g.ratio,
          `${stage}: ${g.times.map((t) => t.toFixed(1)).join(' / ')} ms at n = ${g.n}, 4n, 16n`,
        ).toBeLessThan(GROWTH_LIMIT);
      }
    });
  }

  it('GIVEN random repeated fragments of Markdown and punctuation THEN no stage grows faster than linearly', () => {
    const piece = fc
      .array(
        fc.constantFrom(
          ' ',
          '#',
          '-',
          '>',
          '*',
          '\n',
          '.',
          '?',
          '!',
          ';',
          ':',
          'a',
          'A',
          '1',
          '`',
          '~',
          '[',
          ']',
          '(',
          ')',
          '—',
          "'",
          '\u200B',
          '\t',
          '|',
          '=',
        ),
        { minLength: 1, maxLength: 8 },
      )
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(piece, (unit) => {
        const make = (n: number): string => unit.repeat(Math.ceil(n / unit.length));
        for (const [stage, run] of STAGES) {
          const g = growth(run, make, 1_000);
          if (g.ratio >= GROWTH_LIMIT)
            throw new Error(`${stage} on ${JSON.stringify(unit)}: ratio ${g.ratio.toFixed(1)}`);
        }
      }),
      { numRuns: 8, seed: 8 },
    );
  });
});
