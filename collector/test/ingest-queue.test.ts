import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, toMessages } from '../src/ingest/enqueue';
import {
  createSite,
  deliver,
  delivery,
  eventually,
  npsAnswer,
  pageview,
  postBatch,
  readStats,
  storedCount,
  surveyAnswer,
} from './helpers';

// Everything here goes through the real Queue: its consumer stores a message about a second after it is sent.

const WINDOW = `?from=2000-01-01&to=${new Date(Date.now() + 86_400_000).toISOString()}`;

describe('write path → Queue → D1', () => {
  it('stores each event once however often its batch is posted or delivered', async () => {
    const site = await createSite('queue-once');
    const events = [npsAnswer(9), npsAnswer(10), npsAnswer(6)];
    const batch = { site: site.writeKey, events };
    for (let attempt = 0; attempt < 3; attempt++) expect((await postBatch(batch)).status).toBe(202);
    expect(
      await eventually(
        () => storedCount('queue-once'),
        (n) => n >= 3,
      ),
    ).toBe(3);

    // The Queue redelivers at least once: the consumer sees the same events again.
    const redelivery = await delivery('queue-once', events);
    expect((await deliver([redelivery, redelivery])).ackAll).toBe(true);
    expect(await storedCount('queue-once')).toBe(3);

    const stats = await readStats<{ n: number; promoters: number; detractors: number }>(
      'queue-once',
      site.readKey,
      'nps',
    );
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ n: 3, promoters: 2, passives: 0, detractors: 1 });
  });

  it('scrubs PII before it is stored', async () => {
    const site = await createSite('queue-pii');
    const answer = surveyAnswer('text', 'Reach me at ana@example.com or +49 30 1234567', {
      url: '/support?email=ana%40example.com',
      user: 'ana@example.com',
    });
    expect((await postBatch({ site: site.writeKey, events: [answer] })).status).toBe(202);
    expect(
      await eventually(
        () => storedCount('queue-pii'),
        (n) => n === 1,
      ),
    ).toBe(1);
    const row = await env.DB.prepare('SELECT * FROM events WHERE id = ?')
      .bind(answer.id)
      .first<Record<string, unknown>>();
    expect(row).toMatchObject({ text: 'Reach me at [email] or [phone]', url: '/support?email=%5Bemail%5D' });
    expect(JSON.stringify(row)).not.toMatch(/ana@|ana%40|1234567/);
  });

  it('splits a batch too big for one Queue message, and stores all of it', async () => {
    const site = await createSite('queue-split');
    // Quotes take two bytes in the body and four in a message (escaped twice): ~60 KB of batch, ~130 KB of message.
    const quotes = '"'.repeat(500);
    const props = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`p${i}`, quotes]));
    const events = [1, 2].map(() => ({ ...pageview(), type: 'track', name: 'quotes', props }));
    const body = JSON.stringify({ site: site.writeKey, events });
    expect(body.length).toBeGreaterThan(55_000);
    expect(body.length).toBeLessThan(64 * 1024);
    expect(toMessages(await delivery('queue-split', events as never[]))).toHaveLength(2);
    const response = await postBatch(body);
    expect(await response.json()).toEqual({ accepted: 2, rejected: [] });
    expect(
      await eventually(
        () => storedCount('queue-split'),
        (n) => n === 2,
      ),
    ).toBe(2);
  });

  it('counts what was rejected, dropped by the SDK, sent by bots, refused and rate-limited', async () => {
    const site = await createSite('queue-counts', ['https://shop.example'], { rateLimits: { visitor: 3 } });
    const shop = { Origin: 'https://shop.example', 'CF-Connecting-IP': '203.0.113.9' };
    const headless =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36';
    const send = (events: unknown[], headers: Record<string, string>, dropped?: number) =>
      postBatch({ site: site.writeKey, events, dropped }, headers).then((response) => response.status);

    expect(await send([pageview(), pageview()], { ...shop, 'User-Agent': headless })).toBe(202);
    expect(await send([pageview(), pageview(), pageview()], { ...shop, Origin: 'https://evil.example' })).toBe(403);
    expect(await send([pageview(), { ...pageview(), url: 'no-slash' }, pageview()], shop, 5)).toBe(202);
    expect(await send([pageview()], shop)).toBe(202);
    expect(await send([pageview(), pageview(), pageview(), pageview()], shop)).toBe(429);
    expect(await send([pageview()], { ...shop, 'CF-Connecting-IP': '198.51.100.9' })).toBe(202);

    const read = async () =>
      (await readStats<Record<string, number>>('queue-counts', site.readKey, 'ingest', WINDOW)).body;
    const counts = await eventually(read, (body) => body.stored === 4 && body.limited === 4);
    expect(counts).toMatchObject({ stored: 4, rejected: 1, dropped: 5, bots: 2, refused: 3, limited: 4 });
  });
});

describe('nothing accepted is lost', () => {
  it('answers 202 for 19 good answers and 1 poison one, stores the 19 and quarantines the one', async () => {
    const site = await createSite('queue-poison');
    await env.DB.prepare(
      "CREATE TRIGGER queue_poison BEFORE INSERT ON events WHEN NEW.visitor = 'v-poison' " +
        "BEGIN SELECT RAISE(ABORT, 'poisoned row'); END",
    ).run();
    try {
      const events = [
        ...Array.from({ length: 19 }, (_, i) => npsAnswer(i % 11)),
        npsAnswer(0, { visitor: 'v-poison' }),
      ];
      const response = await postBatch({ site: site.writeKey, events });
      expect(await response.json()).toEqual({ accepted: 20, rejected: [] });
      const read = async () =>
        (await readStats<Record<string, number>>('queue-poison', site.readKey, 'ingest', WINDOW)).body;
      // The poison event is retried twice, 5 s apart, before it is taken for poison.
      expect(await eventually(read, (body) => body.quarantined === 1, 25_000)).toMatchObject({
        stored: 19,
        quarantined: 1,
      });
      expect(await storedCount('queue-poison')).toBe(19);
    } finally {
      await env.DB.prepare('DROP TRIGGER queue_poison').run();
    }
  }, 30_000);

  it('counts refusals on a site that then goes quiet within 10 s, the first at once', async () => {
    const site = await createSite('queue-quiet', ['https://shop.example']);
    const refused = () =>
      postBatch({ site: site.writeKey, events: [pageview(), pageview()] }, { Origin: 'https://evil.example' });
    const read = async () =>
      (await readStats<Record<string, number>>('queue-quiet', site.readKey, 'ingest', WINDOW)).body;
    expect((await refused()).status).toBe(403);
    expect((await eventually(read, (body) => body.refused === 2, 5_000)).refused).toBe(2);

    const sent = Date.now();
    expect((await refused()).status).toBe(403);
    expect(
      (await postBatch({ site: site.writeKey, events: [{ type: 'nonsense' }] }, { Origin: 'https://shop.example' }))
        .status,
    ).toBe(202);
    const counts = await eventually(read, (body) => body.refused === 4 && body.rejected === 1, 12_000);
    expect(counts).toMatchObject({ refused: 4, rejected: 1 });
    expect(Date.now() - sent).toBeLessThan(12_000);
  }, 20_000);
});

describe('toMessages', () => {
  it('keeps a delivery that fits as one message, and splits one that does not, counts riding with the first', () => {
    const small = { id: 'a', site: 's', received: 1, events: [], counts: { rejected: 1 } };
    expect(toMessages(small).map(({ body }) => body)).toEqual([small]);
    const event = { id: 'e', data: 'x'.repeat(40_000) } as never;
    const big = { id: 'b', site: 's', received: 1, events: [event, event, event, event], counts: { bots: 2 } };
    const parts = toMessages(big).map(({ body }) => body);
    expect(parts).toHaveLength(2);
    expect(parts.map((part) => part.events.length)).toEqual([2, 2]);
    expect(parts[0]!.counts).toEqual({ bots: 2 });
    expect(parts[1]!.counts).toBeUndefined();
    expect(new Set(parts.map((part) => part.id)).size).toBe(2);
    for (const part of parts)
      expect(new TextEncoder().encode(JSON.stringify(part)).byteLength).toBeLessThan(MAX_MESSAGE_BYTES);
  });
});
