import { z } from 'zod';
import type { LoadError } from '../types.js';

/** One line of an eval file (format: shared/eval/README.md). */
export const evalQuestionSchema = z.union([
  z.object({ id: z.string(), q: z.string(), impossible: z.literal(true) }),
  z.object({
    id: z.string(),
    q: z.string(),
    expect: z.array(z.array(z.string()).min(1)).min(1),
    support: z.array(z.string()).optional(),
    impossible: z.literal(false).optional(),
  }),
]);

export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

/** Parses a JSONL question file; a bad line is reported with its number, the rest still count. */
export function parseQuestionFile(
  text: string,
  file: string,
): { questions: EvalQuestion[]; errors: LoadError[] } {
  const questions: EvalQuestion[] = [];
  const errors: LoadError[] = [];
  text.split('\n').forEach((raw, k) => {
    if (raw.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      errors.push({ file, line: k + 1, message: 'is not valid JSON' });
      return;
    }
    const parsed = evalQuestionSchema.safeParse(data);
    if (parsed.success) questions.push(parsed.data);
    else
      errors.push({
        file,
        line: k + 1,
        message: `not a question line: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`,
      });
  });
  return { questions, errors };
}
