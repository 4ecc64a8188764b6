import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { BOT_REASON } from '../src/middleware/dropBots';
import { call, createSite, npsAnswer, pageview, postBatch } from './helpers';

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
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const bodies = [
      '',
      'null',
      '"text"',
      '{"site": null, "events": null}',
      deep,
      JSON.stringify({ site: site.writeKey, events: [JSON.parse(`{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`)] }),
      JSON.stringify({
        site: site.writeKey,
        events: [
          { ...npsAnswer(9), ts: 1e308 },
          { ...npsAnswer(9), ts: -1 },
        ],
      }),
      JSON.stringify({
        site: site.writeKey,
        events: [
          { ...npsAnswer(9), value: 9.5 },
          { ...npsAnswer(9), value: '9' },
        ],
      }),
      JSON.stringify({ site: site.writeKey, events: [{ ...npsAnswer(9), visitor: '\ud800' }] }),
      JSON.stringify({ site: site.writeKey, events: [{ ...npsAnswer(9), props: { ['__proto__']: 1 } }] }),
      JSON.stringify({
        site: site.writeKey,
        events: [{ ...pageview(), type: 'track', name: 'x', props: { a: { b: 1 } } }],
      }),
      JSON.stringify({ site: site.writeKey, events: [npsAnswer(9)], dropped: -5 }),
      JSON.stringify({ site: site.writeKey, events: [npsAnswer(9)], dropped: 'many' }),
      JSON.stringify({ site: { $ne: null }, events: [npsAnswer(9)] }),
      JSON.stringify({ site: "pk_' OR 1=1 --", events: [npsAnswer(9)] }),
      `{"site":"${site.writeKey}","events":[${'{},'.repeat(99)}{}]}`,
      `{"site":"${site.writeKey}","site":"pk_other","events":[1]}`,
      JSON.stringify({ site: site.writeKey, events: [null, 1, 'x', [], { type: 'pageview' }] }),
      JSON.stringify({ site: site.writeKey, events: [{ ...npsAnswer(9), value: { $gt: 1 } }] }),
      JSON.stringify({ site: site.writeKey, events: [{ ...npsAnswer(9), url: `/${'a'.repeat(5000)}` }] }),
      '{"__proto__": {"polluted": true}, "site": "pk_x", "events": [1]}',
    ];
    for (const body of bodies) {
      const response = await postBatch(body);
      expect(response.status, body.slice(0, 60)).toBeLessThan(500);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      await response.body?.cancel();
    }
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d]);
    const binary = await call('/v1/events', { method: 'POST', body: bytes });
    expect(binary.status).toBe(400);
    await binary.body?.cancel();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not store anything for rejected events', async () => {
    const bad = { ...npsAnswer(42), id: '01936c5e-7b8a-7cde-8f01-00000000beef' };
    await postBatch({ site: site.writeKey, events: [bad] });
    const row = await env.DB.prepare('SELECT 1 FROM events WHERE id = ?').bind(bad.id).first();
    expect(row).toBeNull();
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After over the per-visitor limit, counting each IP apart', async () => {
    // The limiter counts in fixed minutes: the requests start just after one begins, so none falls in the next.
    vi.useFakeTimers({
      toFake: ['Date'],
      now: Math.ceil(Date.now() / 60_000) * 60_000 + 1_000,
      shouldAdvanceTime: true,
    });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const limited = await createSite('write-limited', [], { rateLimits: { visitor: 3 } });
    const send = (ip: string) =>
      postBatch({ site: limited.writeKey, events: [npsAnswer(9)] }, { 'CF-Connecting-IP': ip });
    for (let i = 0; i < 3; i++) expect((await send('203.0.113.7')).status).toBe(202);
    const refused = await send('203.0.113.7');
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      error: { code: 'rate_limited', message: `Too many requests; retry in ${wait} s.` },
    });
    expect((await send('198.51.100.1')).status).toBe(202);
    // A browser reads Retry-After across origins only when the answer exposes it.
    const fromPage = await postBatch(
      { site: limited.writeKey, events: [npsAnswer(9)] },
      { 'CF-Connecting-IP': '203.0.113.7', Origin: 'https://shop.example' },
    );
    expect(fromPage.status).toBe(429);
    expect(fromPage.headers.get('access-control-allow-origin')).toBe('*');
    expect(fromPage.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    await fromPage.body?.cancel();
  });

  it('limits a whole site across visitors', async () => {
    vi.useFakeTimers({
      toFake: ['Date'],
      now: Math.ceil(Date.now() / 60_000) * 60_000 + 1_000,
      shouldAdvanceTime: true,
    });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const limited = await createSite('write-site-limited', [], { rateLimits: { site: 2, visitor: 0 } });
    const statuses = [];
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'])
      statuses.push(
        (await postBatch({ site: limited.writeKey, events: [npsAnswer(9)] }, { 'CF-Connecting-IP': ip })).status,
      );
    expect(statuses).toEqual([202, 202, 429, 429]);
  });

  it('has defaults that a busy page never reaches', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 50; i++)
      statuses.add((await postBatch({ site: site.writeKey, events: [npsAnswer(9)] })).status);
    expect([...statuses]).toEqual([202]);
  });
});

describe('bots', () => {
  const USER_AGENTS = {
    headless:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
    googlebot: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    lighthouse: 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 Chrome-Lighthouse',
    // What Playwright's Pixel 7 and Desktop Chrome profiles send.
    pixel7:
      'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.33 Mobile Safari/537.36',
    desktop:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.33 Safari/537.36',
    cubot:
      'Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/89.0 Mobile Safari/537.36',
    server: 'node',
  };
  const send = (userAgent?: string) =>
    postBatch(
      { site: site.writeKey, events: [npsAnswer(9), npsAnswer(2)] },
      userAgent ? { 'User-Agent': userAgent } : {},
    );

  it.each(['headless', 'googlebot', 'lighthouse'] as const)(
    'drops a batch from %s with 202 and every event rejected',
    async (name) => {
      const response = await send(USER_AGENTS[name]);
      expect(response.status).toBe(202);
      expect(await response.json()).toEqual({
        accepted: 0,
        rejected: [
          { index: 0, reason: BOT_REASON },
          { index: 1, reason: BOT_REASON },
        ],
      });
    },
  );

  it.each(['pixel7', 'desktop', 'cubot', 'server'] as const)('keeps a batch from %s', async (name) => {
    expect(await (await send(USER_AGENTS[name])).json()).toEqual({ accepted: 2, rejected: [] });
  });

  it('keeps a batch without a User-Agent, as a server-side integration sends', async () => {
    const request = new Request('https://collector.test/v1/events', {
      method: 'POST',
      body: JSON.stringify({ site: site.writeKey, events: [npsAnswer(9)] }),
    });
    expect(request.headers.get('user-agent')).toBeNull();
    expect(await (await exports.default.fetch(request)).json()).toEqual({
      accepted: 1,
      rejected: [],
    });
  });
});
