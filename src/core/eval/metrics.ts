import type { Answer } from '../types.js';
import type { EvalQuestion } from './question-file.js';

/** The eval's matching normal form: NFKC, lower case, non-alphanumeric runs → one space, padded. */
export const matchForm = (s: string): string =>
  ` ${s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

export const containsPhrase = (haystack: string, needle: string): boolean =>
  matchForm(haystack).includes(matchForm(needle));

export interface Outcome {
  readonly question: EvalQuestion;
  readonly answer: Answer;
  readonly correct: boolean;
  readonly cited: boolean;
}

export function judge(question: EvalQuestion, answer: Answer): Outcome {
  if (question.impossible) return { question, answer, correct: !answer.answered, cited: !answer.answered };
  const correct =
    answer.answered && question.expect.every((group) => group.some((s) => containsPhrase(answer.text, s)));
  const cited =
    correct &&
    (question.support ?? []).some((s) => answer.citations.some((c) => containsPhrase(c.passage, s)));
  return { question, answer, correct, cited };
}

export interface Metrics {
  readonly answerable: number;
  readonly impossible: number;
  readonly answer_correct: number;
  readonly cited_correct: number;
  readonly false_abstain: number;
  readonly abstain_correct: number;
  readonly mean_answer_chars: number;
}

const share = (n: number, of: number): number => (of === 0 ? 0 : n / of);

export function computeMetrics(outcomes: readonly Outcome[]): Metrics {
  const answerable = outcomes.filter((o) => !o.question.impossible);
  const impossible = outcomes.filter((o) => o.question.impossible);
  const given = outcomes.filter((o) => o.answer.answered);
  return {
    answerable: answerable.length,
    impossible: impossible.length,
    answer_correct: share(answerable.filter((o) => o.correct).length, answerable.length),
    cited_correct: share(answerable.filter((o) => o.cited).length, answerable.length),
    false_abstain: share(answerable.filter((o) => !o.answer.answered).length, answerable.length),
    abstain_correct: share(impossible.filter((o) => !o.answer.answered).length, impossible.length),
    mean_answer_chars: share(
      given.reduce((sum, o) => sum + o.answer.text.length, 0),
      given.length,
    ),
  };
}
