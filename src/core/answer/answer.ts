import type { SearchIndex } from '../search/build-index.js';
import type { Answer } from '../types.js';
import { MIN_COVERAGE, whyAbstain } from './abstain-rules.js';
import { retrieveCandidates } from './candidates.js';
import { checkQuestion, QUESTION_PROBLEM_TEXT } from './check-question.js';
import { citationOf, composeAnswer } from './compose.js';
import { buildConcepts, formIndex } from './concepts.js';
import { analyseQuestion } from './question.js';
import { rerank, type Scored } from './rerank.js';
import { selectSentences } from './select.js';
import { trimToClauses } from './trim.js';

export const NO_ANSWER = "The knowledge base doesn't answer that.";

export interface AnswerOptions {
  /** Abstain when the best sentence covers less than this share of the question (default MIN_COVERAGE). */
  readonly minCoverage?: number;
}

const notAnswered = (text: string, related: Answer['related'] = []): Answer => ({
  answered: false,
  text,
  citations: [],
  confidence: 0,
  related,
});

const closest = (index: SearchIndex, ranked: readonly Scored[]): Answer['related'] =>
  ranked
    .filter((s) => s.coverage > 0)
    .slice(0, 3)
    .map((s, k) => citationOf(index, s.i, k + 1));

/**
 * Answers a question from the index with the documents' own sentences, each cited, or abstains when no
 * sentence covers enough of what was asked. Pure and deterministic: same index and question, same answer.
 *
 * ### Usage
 * ```ts
 * const a = answer(index, 'who detained Levashov and where');
 * if (a.answered) console.log(a.text, a.citations);
 * ```
 */
export function answer(index: SearchIndex, question: string, options: AnswerOptions = {}): Answer {
  const minCoverage = options.minCoverage ?? MIN_COVERAGE;
  const checked = checkQuestion(question);
  if (!checked.ok) return notAnswered(QUESTION_PROBLEM_TEXT[checked.error]);

  const analysed = analyseQuestion(checked.value);
  const concepts = buildConcepts(analysed.terms, index.vocab, analysed.typeTerms);
  const conceptOf = formIndex(concepts);
  const ranked = rerank(index, analysed, concepts, conceptOf, retrieveCandidates(index, concepts, conceptOf));
  const best = ranked[0];
  if (!best || whyAbstain(analysed, ranked, index.passageTerms[best.i]!, minCoverage)) {
    return notAnswered(NO_ANSWER, closest(index, ranked));
  }
  const rendered = new Map<number, string>();
  const render = (i: number): string => {
    let text = rendered.get(i);
    if (text === undefined) {
      text = trimToClauses(index.kb.passages[i]!.text, concepts, analysed.parts, conceptOf);
      rendered.set(i, text);
    }
    return text;
  };
  const chosen = selectSentences(analysed, ranked, (i) => render(i).length, minCoverage);
  const { text, citations } = composeAnswer(index, chosen, render);
  return { answered: true, text, citations, confidence: Math.min(1, best.coverage), related: [] };
}
