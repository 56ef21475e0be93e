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
      z
        .string()
        .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD')
        .refine(
          isCalendarDate,
          'is not a real calendar date: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2017-04-21)',
        ),
      z.number().int(),
    ])
    .transform(String)
    .optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** "2017-02-29" and "2017-13-45" have the right shape but name no day. */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  const days = new Date(Date.UTC(year!, month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

/**
 * The yaml parser is superlinear on some shapes no front matter needs (400 nested "?" keys took a
 * minute; 400 nested "{" exhausted memory), so what it sees is bounded first: front matter is a few
 * flat keys and a list of tags.
 */
export const FRONT_MATTER_LIMITS = {
  maxChars: 4096,
  /** Brackets ([ and {) open at once. */
  maxFlowDepth: 4,
  /** Leading spaces of a line. */
  maxIndent: 16,
  /** Aliases (*name) expanded in all: an alias bomb stops here. */
  maxAliasCount: 16,
} as const;

/** The first problem of shape that the yaml parser should never see, or undefined. */
function shapeProblem(lines: readonly string[]): FrontMatterProblem | undefined {
  const total = lines.reduce((sum, l) => sum + l.length + 1, 0);
  if (total > FRONT_MATTER_LIMITS.maxChars) {
    return {
      line: 2,
      message: `front matter is ${total.toLocaleString('en-US')} characters, over the ${FRONT_MATTER_LIMITS.maxChars.toLocaleString('en-US')} limit: keep it to id, title, tags, source, url and date, and put text in the body`,
    };
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    if (indent > FRONT_MATTER_LIMITS.maxIndent) {
      return { line: i + 2, message: 'front matter is nested too deeply: use flat "key: value" lines' };
    }
    if (/^\s*(?:-\s+)*\?(?:\s|$)/.test(line)) {
      return { line: i + 2, message: 'front matter uses "?" complex keys: write plain "key: value" lines' };
    }
    let depth = 0;
    let quote: string | undefined;
    for (const c of line) {
      if (quote !== undefined) {
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') {
        if (++depth > FRONT_MATTER_LIMITS.maxFlowDepth) {
          return { line: i + 2, message: 'front matter nests brackets too deeply: write tags as [a, b, c]' };
        }
      } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

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
  const shape = shapeProblem(lines.slice(1, close));
  if (shape) return err([shape]);
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
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: FRONT_MATTER_LIMITS.maxAliasCount }) ?? {};
  } catch {
    // The yaml library's only throw here is "Excessive alias count": an alias bomb.
    return err([
      { line: 2, message: 'front matter expands too many YAML aliases (*name): write the values out' },
    ]);
  }
  const parsed = frontMatterSchema.safeParse(data);
  const body = lines.slice(close + 1).join('\n');
  if (parsed.success) return ok({ meta: parsed.data, body, bodyLine: close + 2 });

  const lineOfKey = (key: PropertyKey | undefined): number => {
    if (!isMap(doc.contents)) return 2;
    const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    const offset = isScalar(pair?.key) ? pair.key.range[0] : undefined;
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
