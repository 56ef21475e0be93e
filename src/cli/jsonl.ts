import { createInterface } from 'node:readline';
import { z } from 'zod';
import { answer, type SearchIndex } from '../core/index.js';

const inputLine = z.object({ id: z.union([z.string(), z.number()]), question: z.string() });

/**
 * Batch mode: one `{"id","question"}` per stdin line → one answer object per stdout line, in order.
 * A bad line becomes an error line for that line number; the batch goes on.
 */
export async function answerJsonLines(
  index: SearchIndex,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<void> {
  let line = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (raw.trim() === '') continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      output.write(`${JSON.stringify({ line, error: 'not valid JSON' })}\n`);
      continue;
    }
    const parsed = inputLine.safeParse(data);
    if (!parsed.success) {
      output.write(`${JSON.stringify({ line, error: 'expected {"id": string, "question": string}' })}\n`);
      continue;
    }
    const { id, question } = parsed.data;
    const a = answer(index, question);
    const citations = a.citations.map(({ n, documentId, title, location, passage, url }) => ({
      n,
      documentId,
      title,
      location,
      passage,
      ...(url !== undefined ? { url } : {}),
    }));
    output.write(`${JSON.stringify({ id, question, answered: a.answered, answer: a.text, citations })}\n`);
  }
}
