import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSite, npsAnswer, postBatch } from './helpers';

// Events posted here go through the real Queue; its consumer stores them about a second later,
// which is why the tests that read storage after the Queue live in ingest-queue.test.ts.
let site: { id: string; writeKey: string };
let guarded: { id: string; writeKey: string };

beforeAll(async () => {
  site = await createSite('write-path');
  guarded = await createSite('write-guarded', ['https://shop.example']);
});

const expectError = async (response: Response, status: number, code: string) => {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
};

describe('POST /v1/events', () => {
  it('accepts a good batch with 202 and the counts', async () => {
    const response = await postBatch({ site: site.writeKey, events: [npsAnswer(9), npsAnswer(3)] });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 2, rejected: [] });
  });

  it('keeps the good events of a mixed batch and names what is wrong with the others', async () => {
    const response = await postBatch({
      site: site.writeKey,
      events: [
        npsAnswer(10),
        { ...npsAnswer(5), type: 'teleport' },
        npsAnswer(11),
        { ...npsAnswer(7), id: 'not-a-uuid' },
      ],
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { accepted: number; rejected: { index: number; reason: string }[] };
    expect(body.accepted).toBe(1);
    expect(body.rejected.map((entry) => entry.index)).toEqual([1, 2, 3]);
    expect(body.rejected[0]!.reason).toMatch(/type/);
    expect(body.rejected[1]!.reason).toMatch(/value: a nps answer must be an integer from 0 to 10/);
    expect(body.rejected[2]!.reason).toMatch(/id: must be a UUIDv7/);
  });

  it('answers malformed JSON with 400 and a reason', async () => {
    await expectError(await postBatch('{"site": "pk_', {}), 400, 'invalid_json');
  });

  it('answers a body that is not a batch with 400', async () => {
    await expectError(await postBatch({ site: site.writeKey }), 400, 'invalid_batch');
    await expectError(await postBatch([1, 2, 3]), 400, 'invalid_batch');
    await expectError(await postBatch({ site: site.writeKey, events: [] }), 400, 'invalid_batch');
  });

  it('refuses more than 100 events in one batch', async () => {
    const events = Array.from({ length: 101 }, () => npsAnswer(8));
    await expectError(await postBatch({ site: site.writeKey, events }), 400, 'invalid_batch');
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const big = { site: site.writeKey, events: [npsAnswer(9)], padding: 'x'.repeat(70_000) };
    await expectError(await postBatch(big), 413, 'too_large');
  });

  it('refuses an unknown write key with 403', async () => {
    await expectError(await postBatch({ site: 'pk_nosuchkey', events: [npsAnswer(9)] }), 403, 'invalid_site_key');
    await expectError(await postBatch({ site: 'write-path', events: [npsAnswer(9)] }), 403, 'invalid_site_key');
  });

  it("enforces the site's Origin allow-list", async () => {
    const batch = { site: guarded.writeKey, events: [npsAnswer(9)] };
    await expectError(await postBatch(batch, { Origin: 'https://evil.example' }), 403, 'origin_not_allowed');
    await expectError(await postBatch(batch), 403, 'origin_not_allowed');
    expect((await postBatch(batch, { Origin: 'https://shop.example' })).status).toBe(202);
  });

  it('lets a browser read the answer across origins', async () => {
    const response = await postBatch(
      { site: site.writeKey, events: [npsAnswer(9)] },
      { Origin: 'https://any.example' },
    );
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('never answers a hostile body with a 5xx', async () => {
    const bodies = [
      '',
      'null',
      '"text"',
      '{"site": null, "events": null}',
      JSON.stringify({ site: site.writeKey, events: [null, 1, 'x', [], { type: 'pageview' }] }),
      JSON.stringify({ site: site.writeKey, events: [{ ...npsAnswer(9), value: { $gt: 1 } }] }),
      JSON.stringify({ site: site.writeKey, events: [{ ...npsAnswer(9), url: `/${'a'.repeat(5000)}` }] }),
      '{"__proto__": {"polluted": true}, "site": "pk_x", "events": [1]}',
    ];
    for (const body of bodies) {
      const response = await postBatch(body);
      expect(response.status, body.slice(0, 60)).toBeLessThan(500);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not store anything for rejected events', async () => {
    const bad = { ...npsAnswer(42), id: '01936c5e-7b8a-7cde-8f01-00000000beef' };
    await postBatch({ site: site.writeKey, events: [bad] });
    const row = await env.DB.prepare('SELECT 1 FROM events WHERE id = ?').bind(bad.id).first();
    expect(row).toBeNull();
  });
});
