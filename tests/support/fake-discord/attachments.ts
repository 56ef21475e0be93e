import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIAttachment } from 'discord.js';
import { snowflake } from './ids.js';
import type { UploadedFile } from './request.js';

export interface StoredAttachment {
  readonly attachment: APIAttachment;
  readonly bytes: Buffer;
}

/**
 * Discord's CDN, played by the fake's own HTTP server: files members attach and files the bot uploads
 * are kept here and served at `/attachments/{channel-ish id}/{id}/{filename}`, the URL shape Discord uses.
 */
export class AttachmentStore {
  readonly #files = new Map<string, StoredAttachment>();
  #baseUrl = '';

  setBaseUrl(baseUrl: string): void {
    this.#baseUrl = baseUrl;
  }

  add(filename: string, content: string | Buffer, contentType = guessType(filename)): APIAttachment {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const id = snowflake();
    const url = `${this.#baseUrl}/attachments/${snowflake()}/${id}/${encodeURIComponent(filename)}`;
    const attachment: APIAttachment = {
      id,
      filename,
      size: bytes.length,
      url,
      proxy_url: url,
      content_type: contentType,
    };
    this.#files.set(id, { attachment, bytes });
    return attachment;
  }

  get(id: string): StoredAttachment | undefined {
    return this.#files.get(id);
  }

  /** Serves a stored file; false when the path is not an attachment URL, so the REST router takes it. */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    const match = /^\/attachments\/\d+\/(\d+)\/[^/?]+/.exec(request.url ?? '');
    if (!match) return false;
    const stored = request.method === 'GET' ? this.#files.get(match[1]!) : undefined;
    if (!stored) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not Found');
      return true;
    }
    response.writeHead(200, {
      'Content-Type': stored.attachment.content_type ?? 'application/octet-stream',
      'Content-Length': String(stored.bytes.length),
    });
    response.end(stored.bytes);
    return true;
  }

  /**
   * A message body sent with files: Discord stores each `files[n]` and answers with full attachment
   * objects in place of the `{ id: n, filename }` stubs in `payload_json.attachments`.
   */
  resolveUploads(body: unknown, files: readonly UploadedFile[]): unknown {
    if (typeof body !== 'object' || body === null || files.length === 0) return body;
    const stubs =
      (body as { attachments?: Array<{ id: string | number; filename?: string }> }).attachments ?? [];
    const attachments = files.map((file, n) => {
      const stub = stubs.find((s) => String(s.id) === String(n));
      return this.add(stub?.filename ?? file.filename, file.bytes, file.contentType);
    });
    return { ...body, attachments };
  }
}

function guessType(filename: string): string {
  if (filename.endsWith('.md')) return 'text/markdown; charset=utf-8';
  if (filename.endsWith('.txt')) return 'text/plain; charset=utf-8';
  return 'application/octet-stream';
}
