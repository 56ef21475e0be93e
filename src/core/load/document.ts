import { err, ok, type Result } from '../result.js';
import type { KnowledgeDocument, LoadError } from '../types.js';
import { decodeText } from './decode.js';
import type { RawFile } from './read-files.js';
import { parseFrontMatter } from './front-matter.js';
import { splitBlocks } from '../text/paragraphs.js';

/** A title for a file without one: "king-of-spam.md" → "king of spam". */
const titleFromPath = (path: string): string =>
  (path.split('/').pop() ?? path).replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ');

/** Turns one file's bytes into a validated document, or the reasons it cannot be one. */
export function parseDocumentFile(file: RawFile): Result<KnowledgeDocument, LoadError[]> {
  const text = decodeText(file.bytes);
  if (!text.ok) return err([{ file: file.path, ...text.error }]);
  const parsed = parseFrontMatter(text.value);
  if (!parsed.ok) return err(parsed.error.map((p) => ({ file: file.path, ...p })));

  let { body, bodyLine } = parsed.value;
  const { meta } = parsed.value;
  // A leading "# Heading" is the document's title, not a heading of its first section.
  const firstLine = body.search(/\S/);
  let title = meta.title;
  if (firstLine >= 0) {
    const lineEnd = body.indexOf('\n', firstLine);
    const [h1] = splitBlocks(body.slice(firstLine, lineEnd < 0 ? undefined : lineEnd));
    if (h1?.kind === 'heading' && h1.depth === 1) {
      title ??= h1.text;
      const cut = lineEnd < 0 ? body.length : lineEnd + 1;
      bodyLine += body.slice(0, cut).split('\n').length - 1;
      body = body.slice(cut);
    }
  }
  if (!/[\p{L}\p{N}]/u.test(body)) {
    return err([{ file: file.path, message: 'has no text to index: write some content or delete the file' }]);
  }
  return ok({
    id: meta.id ?? file.path.replace(/\.[^./]+$/, ''),
    path: file.path,
    title: title ?? titleFromPath(file.path),
    tags: meta.tags ?? [],
    ...(meta.url !== undefined ? { url: meta.url } : {}),
    ...(meta.source !== undefined ? { source: meta.source } : {}),
    ...(meta.date !== undefined ? { date: meta.date } : {}),
    body,
    bodyLine,
  });
}
