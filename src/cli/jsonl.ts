import { createInterface } from 'node:readline';
import { z } from 'zod';
import { answer, dropInvisible, type SearchIndex } from '../core/index.js';
import { safeAnswer, writeOut } from './safe-output.js';

const inputLine = z.object({ id: z.union([z.string(), z.number()]), question: z.string() });

/**
 * Batch mode: one `{"id","question"}` per stdin line → one answer object per stdout line, in order.
 * A bad line becomes an error line for that line number; the batch goes on. A byte-order mark on the
 * first line is ignored; output waits for a slow reader instead of filling memory.
 */
export async function answerJsonLines(
  index: SearchIndex,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<void> {
  let line = 0;
  const emit = (value: unknown): Promise<void> => writeOut(output, `${JSON.stringify(value)}\n`);
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    const raw = line === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (raw.trim() === '') continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      await emit({ line, error: 'not valid JSON' });
      continue;
    }
    const parsed = inputLine.safeParse(data);
    if (!parsed.success) {
      await emit({ line, error: 'expected {"id": string, "question": string}' });
      continue;
    }
    const { id, question } = parsed.data;
    const a = safeAnswer(answer(index, question));
    const citations = a.citations.map(({ n, documentId, title, location, passage, url }) => ({
      n,
      documentId,
      title,
      location,
      passage,
      ...(url !== undefined ? { url } : {}),
    }));
    await emit({
      id: typeof id === 'string' ? dropInvisible(id) : id,
      question: dropInvisible(question),
      answered: a.answered,
      answer: a.text,
      citations,
    });
  }
}
