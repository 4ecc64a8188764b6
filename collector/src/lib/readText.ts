import { ApiError } from './errors';

/** A refused body is read to its end up to this many bytes, and cancelled past them. */
const DRAIN_BYTES = 1024 * 1024;

/**
 * Reads a request body as UTF-8 text, refusing with 413 one over `maxBytes`, whether it declares its length or
 * comes chunked. A refused body is still read to its end (up to `DRAIN_BYTES`, then cancelled): answering while
 * the client is still sending leaves the connection out of step, and in the local runtime the next request on it
 * fails with "Your worker restarted mid-request". Hono's `bodyLimit` stops reading and leaves the rest unread.
 */
export const readText = async (request: Request, maxBytes: number): Promise<string> => {
  const reader = request.body?.getReader();
  if (!reader) return '';
  const declared = Number(request.headers.get('content-length') ?? 0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    if (size > maxBytes + DRAIN_BYTES || declared > maxBytes + DRAIN_BYTES) {
      await reader.cancel().catch(() => undefined);
      break;
    }
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size <= maxBytes && declared <= maxBytes) chunks.push(value);
  }
  if (size > maxBytes || declared > maxBytes)
    throw new ApiError(413, 'too_large', `The body exceeds ${maxBytes} bytes; send smaller batches.`);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
};
