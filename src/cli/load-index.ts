import { loadKnowledge, type SearchIndex } from '../core/index.js';
import { loadErrorLine, loadFailureReport } from '../shared/adapter.js';

/** Warnings beyond this many are counted, not listed: one bad export can hold thousands. */
const WARNINGS_SHOWN = 20;

export interface IndexSource {
  readonly dir: string;
  readonly maxFileBytes: number;
  readonly cacheDir?: string | undefined;
}

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
    const { warnings } = loaded.value.index;
    if (warnings.length > 0) {
      process.stderr.write(
        `Loaded ${source.dir} with ${warnings.length} warning${warnings.length === 1 ? '' : 's'}:\n`,
      );
      for (const w of warnings.slice(0, WARNINGS_SHOWN)) process.stderr.write(loadErrorLine(w));
      if (warnings.length > WARNINGS_SHOWN) {
        process.stderr.write(`  … and ${warnings.length - WARNINGS_SHOWN} more\n`);
      }
    }
    return loaded.value.index;
  }
  process.stderr.write(loadFailureReport(source.dir, loaded.error));
  return undefined;
}
