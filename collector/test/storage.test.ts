import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestMessage } from '../src/env';
import worker from '../src/index';
import {
  ADMIN,
  call,
  createSite,
  deliver,
  delivery,
  npsAnswer,
  pageview,
  readStats,
  storedCount,
  surveyAnswer,
} from './helpers';

// Storage on workerd's D1: the rollup triggers, erasure tombstones and the retention cron.
const DAY = 86_400_000;
const WINDOW = `?from=2000-01-01&to=${new Date(Date.now() + DAY).toISOString()}`;

interface Aggregates {
  nps: { n: number; promoters: number; passives: number; detractors: number };
  csat: { n: number; satisfied: number };
  ces: { n: number; mean: number | null; distribution: Record<string, number> };
}

const aggregates = async (site: string, key: string): Promise<Aggregates> => ({
  nps: (await readStats<Aggregates['nps']>(site, key, 'nps', WINDOW)).body,
  csat: (await readStats<Aggregates['csat']>(site, key, 'csat', WINDOW)).body,
  ces: (await readStats<Aggregates['ces']>(site, key, 'ces', WINDOW)).body,
});

const erase = (site: string, id: string, headers: Record<string, string> = ADMIN) =>
  call(`/v1/sites/${site}/respondents/${encodeURIComponent(id)}`, { method: 'DELETE', headers });

const rows = async (sql: string, ...bindings: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...bindings)
      .all<Record<string, unknown>>()
  ).results;

describe('idempotent storage', () => {
  let keys: { readKey: string };
  beforeAll(async () => {
    keys = await createSite('store-once');
  });

  it('counts a delivery stored twice, and an event repeated inside one delivery, once', async () => {
    const answers = [
      npsAnswer(10),
      npsAnswer(3),
      surveyAnswer('csat', 5),
      surveyAnswer('csat', 2),
      surveyAnswer('ces', 6),
      surveyAnswer('ces', 2),
    ];
    const message = await delivery('store-once', [...answers, answers[0]!, answers[4]!]);
    for (let attempt = 0; attempt < 2; attempt++) expect((await deliver([message, message])).ackAll).toBe(true);
    expect(await storedCount('store-once')).toBe(6);
    const stats = await aggregates('store-once', keys.readKey);
    expect(stats.nps).toMatchObject({ n: 2, promoters: 1, passives: 0, detractors: 1 });
    expect(stats.csat).toMatchObject({ n: 2, satisfied: 1 });
    expect(stats.ces).toMatchObject({ n: 2, mean: 4 });
    const ingest = await readStats<{ stored: number }>('store-once', keys.readKey, 'ingest', WINDOW);
    expect(ingest.body.stored).toBe(6);
  });

  it('counts the counts of a redelivered message once', async () => {
    const message = await delivery('store-once', [], Date.now(), { rejected: 2, dropped: 7, bots: 3 });
    await deliver([message]);
    await deliver([message]);
    const { body } = await readStats<Record<string, number>>('store-once', keys.readKey, 'ingest', WINDOW);
    expect(body).toMatchObject({ rejected: 2, dropped: 7, bots: 3, limited: 0, refused: 0 });
  });

  it('stores the good messages of a batch and retries only the one that fails', async () => {
    const good = await delivery('store-once', [pageview({ url: '/good' })]);
    const poison = await delivery('store-once', [pageview({ url: '/poison' })]);
    // A row D1 refuses (visitor is NOT NULL): the whole-batch transaction fails and rolls back.
    (poison.events[0] as unknown as Record<string, unknown>).visitor = null;
    const before = await storedCount('store-once');
    const result = await deliver([good, poison]);
    expect(result.ackAll).toBe(false);
    expect(result.explicitAcks).toEqual([expect.stringMatching(/-0$/)]);
    expect(result.retryMessages.map((message: { msgId: string }) => message.msgId)).toEqual([
      expect.stringMatching(/-1$/),
    ]);
    expect(await storedCount('store-once')).toBe(before + 1);
    expect(await rows("SELECT url FROM events WHERE site = 'store-once' AND type = 'pageview'")).toEqual([
      { url: '/good' },
    ]);
  });
});

describe('erasure', () => {
  let keys: { readKey: string };
  let ana: IngestMessage;
  let others: IngestMessage;
  beforeAll(async () => {
    keys = await createSite('erase-site');
    const visitor = { visitor: 'visitor-ana' };
    ana = await delivery('erase-site', [
      npsAnswer(2, visitor),
      surveyAnswer('csat', 1, visitor),
      surveyAnswer('ces', 7, visitor),
      surveyAnswer('text', 'Too slow', { ...visitor, question: 'reason' }),
      pageview(visitor),
    ]);
    others = await delivery('erase-site', [
      npsAnswer(9),
      npsAnswer(10),
      surveyAnswer('csat', 4),
      surveyAnswer('ces', 3),
      surveyAnswer('ces', 5),
    ]);
    await deliver([ana, others]);
  });

  it('removes the visitor’s rows and subtracts them from every rollup', async () => {
    const before = await aggregates('erase-site', keys.readKey);
    expect(before.nps).toMatchObject({ n: 3, promoters: 2, detractors: 1 });
    expect(before.csat).toMatchObject({ n: 2, satisfied: 1 });
    expect(before.ces).toMatchObject({ n: 3, mean: 5 });

    const response = await erase('erase-site', 'visitor-ana');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'visitor-ana', events: 5, visitors: 1 });

    expect(await rows("SELECT id FROM events WHERE site = 'erase-site' AND visitor = 'visitor-ana'")).toEqual([]);
    const after = await aggregates('erase-site', keys.readKey);
    expect(after.nps).toMatchObject({ n: 2, promoters: 2, passives: 0, detractors: 0 });
    expect(after.csat).toMatchObject({ n: 1, satisfied: 1 });
    expect(after.ces).toMatchObject({ n: 2, mean: 4, distribution: { 3: 1, 5: 1, 7: 0 } });
  });

  it('does not store the visitor’s events again when the Queue redelivers them, or when new ones come', async () => {
    expect((await deliver([ana])).ackAll).toBe(true);
    const late = await delivery('erase-site', [npsAnswer(0, { visitor: 'visitor-ana' })]);
    expect((await deliver([late])).ackAll).toBe(true);
    expect(await rows("SELECT id FROM events WHERE site = 'erase-site' AND visitor = 'visitor-ana'")).toEqual([]);
    expect((await aggregates('erase-site', keys.readKey)).nps).toMatchObject({ n: 2, detractors: 0 });
  });

  it('skips only the erased rows of a multi-row insert', async () => {
    const mixed = await delivery('erase-site', [
      pageview({ url: '/a' }),
      pageview({ url: '/b', visitor: 'visitor-ana' }),
      pageview({ url: '/c' }),
      pageview({ url: '/d' }),
      pageview({ url: '/e' }),
    ]);
    await deliver([mixed]);
    expect(
      (
        await rows(
          "SELECT url FROM events WHERE site = 'erase-site' AND url IN ('/a','/b','/c','/d','/e') ORDER BY url",
        )
      ).map((row) => row.url),
    ).toEqual(['/a', '/c', '/d', '/e']);
  });

  it('erases a user by the id given to identify, with every visitor they used, even an e-mail address', async () => {
    const user = 'Ana.Lima@Example.com';
    const phone = await delivery('erase-site', [
      pageview({ visitor: 'phone-1' }),
      npsAnswer(0, { visitor: 'phone-1', user }),
    ]);
    const laptop = await delivery('erase-site', [surveyAnswer('csat', 2, { visitor: 'laptop-1', user })]);
    await deliver([phone, laptop]);
    // The address itself is never stored, only its pseudonym.
    const stored = await rows("SELECT DISTINCT user FROM events WHERE site = 'erase-site' AND user IS NOT NULL");
    expect(stored).toHaveLength(1);
    expect(stored[0]!.user).toMatch(/^~[0-9a-f]{32}$/);
    expect((await aggregates('erase-site', keys.readKey)).nps.detractors).toBe(1);

    const response = await erase('erase-site', 'ana.lima@example.com');
    expect(await response.json()).toEqual({ id: 'ana.lima@example.com', events: 3, visitors: 2 });
    expect(
      await rows("SELECT id FROM events WHERE site = 'erase-site' AND visitor IN ('phone-1', 'laptop-1')"),
    ).toEqual([]);
    const after = await aggregates('erase-site', keys.readKey);
    expect(after.nps).toMatchObject({ n: 2, detractors: 0 });
    expect(after.csat).toMatchObject({ n: 1, satisfied: 1 });
    // Anything of theirs arriving later is ignored, by visitor or by user.
    await deliver([phone, await delivery('erase-site', [pageview({ visitor: 'tablet-1', user })])]);
    expect(
      await rows("SELECT id FROM events WHERE site = 'erase-site' AND visitor IN ('phone-1', 'tablet-1')"),
    ).toEqual([]);
  });

  it('answers 404 for an unknown site, and erasing again is harmless', async () => {
    expect((await erase('no-such-site', 'visitor-ana')).status).toBe(404);
    expect(await (await erase('erase-site', 'visitor-ana')).json()).toEqual({
      id: 'visitor-ana',
      events: 0,
      visitors: 0,
    });
  });
});

describe('retention by the cron', () => {
  let keys: { readKey: string };
  const now = Date.UTC(2026, 10, 20, 12, 17);

  const runCron = async () => {
    const ctx = createExecutionContext();
    const scheduled = worker.scheduled as ExportedHandlerScheduledHandler<Cloudflare.Env>;
    await scheduled(createScheduledController({ scheduledTime: new Date(now), cron: '17 * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
  };

  beforeAll(async () => {
    keys = await createSite('retention-site', [], { retentionDays: 30 });
    await createSite('retention-long');
    const old = now - 40 * DAY;
    // 1,203 old page views (more than one chunk), old answers, and recent answers.
    const oldViews = Array.from({ length: 1203 }, (_, i) => pageview({ ts: old + i }));
    for (let start = 0; start < oldViews.length; start += 100)
      await deliver([await delivery('retention-site', oldViews.slice(start, start + 100), old + DAY)]);
    await deliver([
      await delivery(
        'retention-site',
        [
          npsAnswer(10, { ts: old }),
          npsAnswer(1, { ts: old, visitor: 'old-visitor' }),
          surveyAnswer('ces', 6, { ts: old }),
        ],
        old + DAY,
      ),
      await delivery(
        'retention-site',
        [npsAnswer(8, { ts: now - DAY }), surveyAnswer('csat', 5, { ts: now - DAY })],
        now,
      ),
      await delivery('retention-long', [npsAnswer(9, { ts: old })], old + DAY),
    ]);
  });

  it('deletes raw events past the retention in chunks and keeps every rollup', async () => {
    const before = await aggregates('retention-site', keys.readKey);
    expect(before.nps).toMatchObject({ n: 3, promoters: 1, passives: 1, detractors: 1 });
    expect(await storedCount('retention-site')).toBe(1208);

    await runCron();

    expect(await storedCount('retention-site')).toBe(2);
    expect(await storedCount('retention-long')).toBe(1);
    expect(await aggregates('retention-site', keys.readKey)).toEqual(before);
    expect(await rows('SELECT * FROM retention_sweep')).toEqual([]);
  });

  it('subtracts again on erasure once the sweep is over', async () => {
    await deliver([
      await delivery('retention-site', [npsAnswer(0, { ts: now - DAY, visitor: 'recent-visitor' })], now),
    ]);
    expect((await aggregates('retention-site', keys.readKey)).nps.detractors).toBe(2);
    await erase('retention-site', 'recent-visitor');
    expect((await aggregates('retention-site', keys.readKey)).nps.detractors).toBe(1);
  });
});
