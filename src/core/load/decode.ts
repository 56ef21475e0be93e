import { err, ok, type Result } from '../result.js';
import { dropInvisible } from '../text/invisible.js';

export interface DecodeProblem {
  readonly line?: number;
  readonly message: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes → text, refusing binaries and other encodings instead of indexing mojibake. Invisible and
 * reordering characters are dropped (see dropInvisible); line numbers are unchanged.
 */
export function decodeText(bytes: Uint8Array): Result<string, DecodeProblem> {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return err({
      message: 'looks like a binary file (it contains NUL bytes): only UTF-8 .md and .txt files belong here',
    });
  }
  try {
    // The BOM goes with the other invisible characters: controls, BiDi overrides, zero-width marks.
    return ok(dropInvisible(utf8.decode(bytes)));
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const bad = lossy.indexOf('\uFFFD');
    const line = lossy.slice(0, Math.max(0, bad)).split('\n').length;
    return err({ line, message: 'is not valid UTF-8 text: save it as UTF-8 (it may be Latin-1 or UTF-16)' });
  }
}
