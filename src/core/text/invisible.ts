/**
 * Characters that are invisible or reorder what is shown: C0/C1 controls (tab and line breaks kept),
 * BiDi embeddings, overrides and isolates, zero-width spaces and joiners, the soft hyphen, the BOM and
 * Unicode tag characters. In a document they can hide text from a reader or spoof what a quote says, and
 * inside a word they stop it from matching; ESC also carries terminal escape sequences.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/gu;
const ANY_INVISIBLE = new RegExp(INVISIBLE.source, 'u');

/** The text without invisible and reordering characters; line breaks and tabs stay, so lines keep their numbers. */
export function dropInvisible(text: string): string {
  return ANY_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
}

/** Also drops tabs and line breaks: for one-line text shown in a terminal. */
export function dropControls(text: string): string {
  return dropInvisible(text).replace(/[\t\n\r]/g, ' ');
}
