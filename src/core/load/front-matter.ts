import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { z } from 'zod';
import { err, ok, type Result } from '../result.js';

/** The keys a knowledge file may set; anything else is a typo we would rather report than ignore. */
export const frontMatterSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[\w][\w./-]*$/, 'use letters, digits, "-", "_", "." or "/" (e.g. kelihos/arrest)')
    .optional(),
  title: z.string().trim().min(1, 'must not be empty').optional(),
  tags: z.array(z.string().trim().min(1)).optional(),
  source: z.string().trim().min(1).optional(),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  date: z
    .union([
      z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD'),
      z.number().int(),
    ])
    .transform(String)
    .optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface Parsed {
  readonly meta: FrontMatter;
  readonly body: string;
  /** 1-based line where the body starts. */
  readonly bodyLine: number;
}

export interface FrontMatterProblem {
  readonly line: number;
  readonly message: string;
}

const FENCE = /^---[ \t]*\r?$/;

/**
 * Splits optional YAML front matter (between `---` lines at the very top) from the body and validates it.
 * Problems carry the line in the file, so a moderator can go straight to it.
 */
export function parseFrontMatter(text: string): Result<Parsed, FrontMatterProblem[]> {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return ok({ meta: {}, body: text, bodyLine: 1 });
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) {
    return err([
      { line: 1, message: 'front matter opened with "---" is never closed: add a "---" line after it' },
    ]);
  }
  const yamlText = lines.slice(1, close).join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return err(
      doc.errors.map((e) => ({
        line: 1 + counter.linePos(e.pos[0]).line,
        message: `front matter is not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    );
  }
  const data: unknown = doc.toJS() ?? {};
  const parsed = frontMatterSchema.safeParse(data);
  const body = lines.slice(close + 1).join('\n');
  if (parsed.success) return ok({ meta: parsed.data, body, bodyLine: close + 2 });

  const lineOfKey = (key: PropertyKey | undefined): number => {
    if (!isMap(doc.contents)) return 2;
    const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
    return offset === undefined ? 2 : 1 + counter.linePos(offset).line;
  };
  return err(
    parsed.error.issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          line: lineOfKey(key),
          message: `unknown front matter key "${key}": allowed keys are ${Object.keys(frontMatterSchema.shape).join(', ')}`,
        }));
      }
      const key = issue.path[0];
      const where = key === undefined ? 'front matter' : `front matter key "${String(key)}"`;
      return [{ line: lineOfKey(key), message: `${where}: ${issue.message}` }];
    }),
  );
}
