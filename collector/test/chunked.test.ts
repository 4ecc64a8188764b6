import { describe, expect, it } from 'vitest';
import { call, createSite, pageview, postBatch } from './helpers';

describe('a chunked body over 64 KiB', () => {
  it('is refused with 413, and the next request is served', async () => {
    const site = await createSite('chunked');
    const chunk = new TextEncoder().encode('x'.repeat(8192));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 200 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const refused = await call('/v1/events', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ error: { code: 'too_large' } });
    const next = await postBatch({ site: site.writeKey, events: [pageview()] });
    expect(next.status).toBe(202);
  });
});
