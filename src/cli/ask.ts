import { answer, type SearchIndex } from '../core/index.js';
import { formatAnswerForTerminal } from './format-answer.js';
import { answerJsonLines } from './jsonl.js';
import { safeAnswer, writeOut } from './safe-output.js';

export interface AskOptions {
  readonly json: boolean;
  readonly jsonl: boolean;
}

/** `ask`: one question from the arguments, or a batch from stdin with --jsonl. */
export async function runAsk(index: SearchIndex, question: string, options: AskOptions): Promise<number> {
  if (options.jsonl) {
    await answerJsonLines(index, process.stdin, process.stdout);
    return 0;
  }
  const a = safeAnswer(answer(index, question.replace(/^\uFEFF/, '')));
  await writeOut(
    process.stdout,
    `${options.json ? JSON.stringify(a, null, 2) : formatAnswerForTerminal(a)}\n`,
  );
  return 0;
}
