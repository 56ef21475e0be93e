import { buildIndex, formatLoadError, loadKnowledgeBase, type SearchIndex } from '../core/index.js';

/** Exit code for "the knowledge folder cannot be used": distinct from a usage error. */
export const EXIT_BAD_KNOWLEDGE = 2;

/** Loads and indexes a knowledge folder, or prints every problem to stderr and returns undefined. */
export async function loadIndexOrReport(dir: string, maxFileBytes: number): Promise<SearchIndex | undefined> {
  const loaded = await loadKnowledgeBase(dir, { maxFileBytes });
  if (loaded.ok) return buildIndex(loaded.value);
  process.stderr.write(`Cannot load the knowledge base in ${dir}:\n`);
  for (const e of loaded.error) process.stderr.write(`  ${formatLoadError(e)}\n`);
  return undefined;
}
