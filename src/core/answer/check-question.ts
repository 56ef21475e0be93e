import { err, ok, type Result } from '../result.js';

export const MAX_QUESTION_CHARS = 500;

export type QuestionProblem = 'empty' | 'too-long' | 'control-characters';

/** What to tell the asker for each problem: short and polite, it is shown as is. */
export const QUESTION_PROBLEM_TEXT: Readonly<Record<QuestionProblem, string>> = {
  empty: 'Please type a question, for example: "who was arrested, and where?"',
  'too-long': `That question is too long: please keep it under ${MAX_QUESTION_CHARS} characters.`,
  'control-characters': 'That question contains control characters: please type it as plain text.',
};

// Tabs and newlines are ordinary in pasted questions; other C0/C1 controls are not.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Checks a question before it is answered; returns it trimmed, with white space collapsed. */
export function checkQuestion(question: string): Result<string, QuestionProblem> {
  if (CONTROL.test(question)) return err('control-characters');
  const trimmed = question.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return err('empty');
  if (trimmed.length > MAX_QUESTION_CHARS) return err('too-long');
  return ok(trimmed);
}
