import { postBatch } from '../helpers/collector';
import { COLLECTOR } from '../helpers/ports.mjs';
import { expect, site, test } from '../helpers/site';

/** A chunked body (no Content-Length) of `bytes` bytes, as a client streaming its upload sends it. */
const chunkedBody = (bytes: number) => {
  const chunk = new TextEncoder().encode('x'.repeat(8192));
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
};

/** Posts a chunked body; answers its status, or `reset` where the collector cut the connection while it was sent. */
const postChunked = async (bytes: number) => {
  try {
    const response = await fetch(`${COLLECTOR}/v1/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: site().origin },
      body: chunkedBody(bytes),
      duplex: 'half',
    } as RequestInit);
    return { status: response.status, body: await response.json() };
  } catch {
    return { status: 'reset' as const };
  }
};

/** Posts a small batch (sent again where wrangler dev's proxy dropped it: helpers/site.ts). */
const next = () => postBatch({ site: site().writeKey, events: [{ type: 'nonsense' }] });

// On the local runtime the collector runs on, a body left half-read broke the next request with a 503.
test('a chunked body over 64 KiB is refused with 413, and the next request is served', { tag: '@alone' }, async () => {
  for (const bytes of [200 * 1024, 900 * 1024]) {
    expect(await postChunked(bytes)).toEqual({
      status: 413,
      body: { error: expect.objectContaining({ code: 'too_large' }) },
    });
    expect((await next()).status).toBe(202);
  }
  // Past 1 MiB the collector stops reading: the connection may be cut, but the next request is still served.
  expect([413, 'reset']).toContain((await postChunked(5 * 1024 * 1024)).status);
  expect((await next()).status).toBe(202);
});
