import { expect, test } from '@playwright/test';
import { demoKeys, postBatch } from '../helpers/collector';
import { COLLECTOR, DEMO } from '../helpers/ports.mjs';

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

// On the local runtime the collector runs on, a body left half-read broke the next request with a 503.
test('a chunked body over 64 KiB is refused with 413, and the next request is served', async () => {
  for (const bytes of [200 * 1024, 5 * 1024 * 1024]) {
    const refused = await fetch(`${COLLECTOR}/v1/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: DEMO },
      body: chunkedBody(bytes),
      duplex: 'half',
    } as RequestInit);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ error: { code: 'too_large' } });
    const next = await postBatch({ site: demoKeys().writeKey, events: [{ type: 'nonsense' }] });
    expect(next.status).toBe(202);
  }
});
