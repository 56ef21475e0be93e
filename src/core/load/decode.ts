import { err, ok, type Result } from '../result.js';

export interface DecodeProblem {
  readonly line?: number;
  readonly message: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes → text, refusing binaries and other encodings instead of indexing mojibake. */
export function decodeText(bytes: Uint8Array): Result<string, DecodeProblem> {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return err({
      message: 'looks like a binary file (it contains NUL bytes): only UTF-8 .md and .txt files belong here',
    });
  }
  try {
    return ok(utf8.decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const bad = lossy.indexOf('\uFFFD');
    const line = lossy.slice(0, Math.max(0, bad)).split('\n').length;
    return err({ line, message: 'is not valid UTF-8 text: save it as UTF-8 (it may be Latin-1 or UTF-16)' });
  }
}
