import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface EvalSet {
  readonly name: string;
  readonly kb: string;
  readonly questions: string;
}

const exists = async (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * The question sets under a folder: each `questions.jsonl` beside a `kb/` folder (searched two levels
 * down, e.g. `case-dev/` and `squad/<article>/`), and each other `*.jsonl` at the top, asked of
 * `defaultKb`. Sorted by name, so every run sees them in the same order.
 */
export async function findEvalSets(root: string, defaultKb: string): Promise<EvalSet[]> {
  const sets: EvalSet[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory() && depth < 2) {
        if (await exists(join(path, 'kb'))) {
          if (await exists(join(path, 'questions.jsonl'))) {
            sets.push({
              name: relative(root, path),
              kb: join(path, 'kb'),
              questions: join(path, 'questions.jsonl'),
            });
          }
        } else await walk(path, depth + 1);
      } else if (e.isFile() && depth === 0 && e.name.endsWith('.jsonl')) {
        sets.push({ name: e.name.replace(/\.jsonl$/, ''), kb: defaultKb, questions: path });
      }
    }
  };
  await walk(root, 0);
  return sets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
