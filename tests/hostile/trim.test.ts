import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Concept } from '../../src/core/answer/concepts.js';
import { holdsKind, type TermSet } from '../../src/core/answer/kinds.js';
import { analyseQuestion, type QuestionPart } from '../../src/core/answer/question.js';
import { trimToClauses } from '../../src/core/answer/trim.js';
import { termsOf } from '../../src/core/text/terms.js';

/** The earlier, cubic trimming (every pair of boundaries), kept as the reference for ordinary sentences. */
function trimReference(
  sentence: string,
  concepts: readonly Concept[],
  parts: readonly QuestionPart[],
  questionTerms: TermSet,
): string {
  if (sentence.length <= 160) return sentence;
  const cuts = [
    0,
    ...[...sentence.matchAll(/;\s+|\s[—–]\s|:\s+(?=["“\p{Lu}])/gu)].map((m) => m.index + m[0].length),
    sentence.length + 1,
  ];
  if (cuts.length <= 2) return sentence;
  const found = (text: string): string => {
    const terms = new Set(termsOf(text));
    return concepts.map((c) => ([...c.forms.keys()].some((f) => terms.has(f)) ? '1' : '0')).join('');
  };
  const whole = found(sentence);
  const held = parts.filter((part) => holdsKind(sentence, part, questionTerms));
  let best = sentence;
  let bestStart = 0;
  for (let a = 0; a < cuts.length - 1; a++) {
    for (let b = a + 1; b < cuts.length; b++) {
      const clause = sentence
        .slice(cuts[a], cuts[b]! - (b === cuts.length - 1 ? 1 : 0))
        .replace(/[;:,\s—–]+$/u, '');
      if (clause.length >= best.length) continue;
      if (found(clause) === whole && held.every((part) => holdsKind(clause, part, questionTerms))) {
        best = clause;
        bestStart = cuts[a]!;
      }
    }
  }
  if (best === sentence) return sentence;
  return `${bestStart > 0 ? '… ' : ''}${best}${bestStart + best.length < sentence.length - 1 ? ' …' : ''}`;
}

const concept = (word: string): Concept => {
  const term = termsOf(word)[0]!;
  return { term, weight: 1, forms: new Map([[term, 1]]) };
};

const QUESTIONS = [
  'when was Levashov detained in Spain',
  'who ran the Kelihos botnet',
  'where was the programmer arrested',
  'how many years did he face',
  'what did the court decide',
];
const CLAUSES = [
  'Levashov was detained in Barcelona in April 2017',
  'the Kelihos botnet sent spam for years',
  'the court in Madrid held a hearing',
  'his wife said he was on holiday',
  'the FBI took down the servers',
  'he faces 35 years in prison',
  'the programmer denied the charges',
  'the Russian embassy confirmed this',
];
const BOUNDARIES = ['; ', ' — ', ': The ', ', and ', ' '];

describe('clause trimming', () => {
  it('GIVEN ordinary long sentences THEN the linear trimming quotes exactly what the cubic one did', () => {
    const sentence = fc
      .tuple(
        fc.array(fc.tuple(fc.constantFrom(...CLAUSES), fc.constantFrom(...BOUNDARIES)), {
          minLength: 2,
          maxLength: 9,
        }),
        fc.constantFrom(...CLAUSES),
      )
      .map(([pairs, last]) => `${pairs.map(([c, b]) => c + b).join('')}${last}.`);
    fc.assert(
      fc.property(sentence, fc.constantFrom(...QUESTIONS), (text, question) => {
        const analysed = analyseQuestion(question);
        const concepts = analysed.terms.map(concept);
        const terms = new Set(analysed.terms);
        expect(trimToClauses(text, concepts, analysed.parts, terms)).toBe(
          trimReference(text, concepts, analysed.parts, terms),
        );
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('GIVEN a sentence of 800 ";" boundaries THEN one trim reads it a bounded number of times', () => {
    const analysed = analyseQuestion('when was Levashov detained in Spain');
    const text = `Levashov was detained in Spain${'; and so on'.repeat(800)}; in April 2017.`;
    let reads = 0;
    const counting = new Proxy(new Set(analysed.terms), {
      get(target, key) {
        if (key === 'has') reads++;
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    const trimmed = trimToClauses(text, analysed.terms.map(concept), analysed.parts, counting);
    expect(trimmed.length).toBeLessThanOrEqual(text.length + 4);
    // The cubic version asked about every pair of 800 clauses: hundreds of thousands of term checks.
    expect(reads).toBeLessThan(50 * 800);
  });
});
