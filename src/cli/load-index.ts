import { formatLoadError, loadKnowledge, type SearchIndex } from '../core/index.js';

/** Exit code for "the knowledge folder cannot be used": distinct from a usage error. */
export const EXIT_BAD_KNOWLEDGE = 2;

export interface IndexSource {
  readonly dir: string;
  readonly maxFileBytes: number;
  readonly cacheDir?: string | undefined;
}

/** Loads (or reads the saved) index of a knowledge folder, or prints every problem to stderr. */
export async function loadIndexOrReport(source: IndexSource): Promise<SearchIndex | undefined> {
  const loaded = await loadKnowledge(source.dir, {
    maxFileBytes: source.maxFileBytes,
    ...(source.cacheDir ? { cacheDir: source.cacheDir } : {}),
  });
  if (loaded.ok) {
    if (loaded.value.cacheWriteError) {
      process.stderr.write(`warning: could not save the index cache: ${loaded.value.cacheWriteError}\n`);
    }
    return loaded.value.index;
  }
  process.stderr.write(`Cannot load the knowledge base in ${source.dir}:\n`);
  for (const e of loaded.error) process.stderr.write(`  ${formatLoadError(e)}\n`);
  return undefined;
}
