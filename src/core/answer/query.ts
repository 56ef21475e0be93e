import { type Result, ok } from '../result.js';
import { checkQuestion, type QuestionProblem } from './check-question.js';
import { analyseQuestion, type AnalysedQuestion } from './question.js';

declare const checked: unique symbol;

/**
 * A question read once: checked (trimmed, white space collapsed) and analysed into its parts. An adapter
 * that must reject a bad question before it costs the asker anything reads it here, and `answer` takes
 * the `Query` as it is instead of checking and analysing the text again. Only `readQuestion` makes one.
 */
export interface Query extends AnalysedQuestion {
  /** The question as checked: what the answerer reads and what is recorded. */
  readonly text: string;
  readonly [checked]: true;
}

/** Checks a question and analyses it; a problem is the asker's to fix (`QUESTION_PROBLEM_TEXT`). */
export function readQuestion(question: string): Result<Query, QuestionProblem> {
  const text = checkQuestion(question);
  if (!text.ok) return text;
  // The one place the brand is given: the text has just been checked.
  return ok({ ...analyseQuestion(text.value), text: text.value } as Query);
}
