import { err, ok, type Result } from '../../core/index.js';

const DOWNLOAD_TIMEOUT_MS = 15_000;

/**
 * The bytes of a member's attachment, from the URL in the interaction's resolved attachment (Discord's
 * CDN). Never more than `maxBytes` are read, whatever the server says the size is, and a download
 * that stalls is abandoned after 15 s.
 */
export async function downloadAttachment(url: string, maxBytes: number): Promise<Result<Uint8Array, string>> {
  if (!/^https?:\/\//.test(url)) return err('the attachment has no downloadable address');
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    return err(`could not download it (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!response.ok || !response.body) return err(`could not download it (HTTP ${response.status})`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Node's fetch types its body loosely (`any` chunks); a response body is bytes.
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return err(`it is larger than the ${maxBytes}-byte limit (MAX_FILE_BYTES)`);
      }
      chunks.push(value);
    }
  } catch (error) {
    return err(`the download broke off (${error instanceof Error ? error.message : String(error)})`);
  }
  return ok(Buffer.concat(chunks));
}
