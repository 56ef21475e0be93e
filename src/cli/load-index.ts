import {
  dropInvisible,
  formatLoadError,
  type LoadError,
  loadKnowledge,
  type SearchIndex,
} from '../core/index.js';

/** Exit code for "the knowledge folder cannot be used": distinct from a usage error. */
export const EXIT_BAD_KNOWLEDGE = 2;

/** Warnings beyond this many are counted, not listed: one bad export can hold thousands. */
const WARNINGS_SHOWN = 20;

export interface IndexSource {
  readonly dir: string;
  readonly maxFileBytes: number;
  readonly cacheDir?: string | undefined;
}

const line = (e: LoadError): string => `  ${dropInvisible(formatLoadError(e)).replace(/[\r\n]+/g, ' ')}\n`;

/**
 * Loads (or reads the saved) index of a knowledge folder, or prints every problem to stderr as a
 * `file:line: what to do` line. Warnings (the base loaded, but not quite as written) go to stderr too.
 */
export async function loadIndexOrReport(source: IndexSource): Promise<SearchIndex | undefined> {
  let loaded;
  try {
    loaded = await loadKnowledge(source.dir, {
      maxFileBytes: source.maxFileBytes,
      ...(source.cacheDir ? { cacheDir: source.cacheDir } : {}),
    });
  } catch (e) {
    loaded = {
      ok: false as const,
      error: [
        { file: source.dir, message: `could not be loaded: ${e instanceof Error ? e.message : String(e)}` },
      ],
    };
  }
  if (loaded.ok) {
    if (loaded.value.cacheWriteError) {
      process.stderr.write(`warning: could not save the index cache: ${loaded.value.cacheWriteError}\n`);
    }
    const warnings = loaded.value.index.kb.warnings ?? [];
    if (warnings.length > 0) {
      process.stderr.write(
        `Loaded ${source.dir} with ${warnings.length} warning${warnings.length === 1 ? '' : 's'}:\n`,
      );
      for (const w of warnings.slice(0, WARNINGS_SHOWN)) process.stderr.write(line(w));
      if (warnings.length > WARNINGS_SHOWN) {
        process.stderr.write(`  … and ${warnings.length - WARNINGS_SHOWN} more\n`);
      }
    }
    return loaded.value.index;
  }
  process.stderr.write(`Cannot load the knowledge base in ${source.dir}:\n`);
  for (const e of loaded.error) process.stderr.write(line(e));
  return undefined;
}
