import type { IncomingMessage } from 'node:http';

export interface FakeRequest {
  method: string;
  /** Percent-decoded, without the query: discord.js sends `@original` as `%40original`. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased, without `authorization`; see `authorized`. */
  headers: Record<string, string>;
  /** Whether `Authorization: Bot <token>` was sent. Interaction and webhook routes legitimately send none. */
  authorized: boolean;
  /** Parsed JSON; for multipart uploads the parsed `payload_json` part; otherwise the raw text, if any. */
  body: unknown;
  /** The `files[n]` parts of a multipart upload, in order. */
  files: UploadedFile[];
}

export interface UploadedFile {
  /** The form field, e.g. `files[0]`. */
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

export interface RecordedRequest extends FakeRequest {
  status: number;
  /** True when `failNext` produced the response. */
  injected: boolean;
  at: number;
}

export async function readRequest(request: IncomingMessage, token: string): Promise<FakeRequest> {
  const url = new URL(request.url ?? '/', 'http://fake');
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const text = raw.toString('utf8');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name !== 'authorization' && value !== undefined) headers[name] = String(value);
  }
  return {
    method: request.method ?? 'GET',
    path: url.pathname.split('/').map(decodeURIComponent).join('/'),
    query: Object.fromEntries(url.searchParams),
    headers,
    authorized: request.headers.authorization === `Bot ${token}`,
    body: parseBody(text, headers['content-type'] ?? ''),
    files: parseFiles(raw, headers['content-type'] ?? ''),
  };
}

/** The file parts of a multipart/form-data body, bytes untouched (a file need not be UTF-8). */
function parseFiles(raw: Buffer, contentType: string): UploadedFile[] {
  const boundary = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const files: UploadedFile[] = [];
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter.
    const part = raw.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const field = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (filename !== undefined && field.startsWith('files')) {
      files.push({
        field,
        filename,
        contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream',
        bytes: Buffer.from(part.subarray(split + 4)),
      });
    }
    start = next;
  }
  return files;
}

function parseBody(text: string, contentType: string): unknown {
  if (text === '') return undefined;
  if (contentType.startsWith('application/json')) return JSON.parse(text);
  if (contentType.startsWith('multipart/form-data')) {
    // Attachments are ignored; the message fields travel in the payload_json part.
    const payload = /name="payload_json"\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(text)?.[1];
    return payload === undefined ? text : JSON.parse(payload);
  }
  return text;
}

/** Matches `/api/v10` paths against a pattern like `/interactions/:id/:token/callback`; returns the params. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const wanted = `/api/v10${pattern}`.split('/');
  const actual = path.split('/');
  if (wanted.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of wanted.entries()) {
    const value = actual[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = value;
    else if (part !== value) return null;
  }
  return params;
}

/** A predicate for `waitForRequest` / `failNext`, e.g. `requestTo('POST', '/channels/:id/messages')`. */
export function requestTo(method: string, pattern: string): (request: FakeRequest) => boolean {
  return (request) => request.method === method && matchPath(pattern, request.path) !== null;
}

export function describeRequest(request: RecordedRequest): string {
  return `${request.method} ${request.path} -> ${request.status}${request.injected ? ' (injected)' : ''}`;
}
