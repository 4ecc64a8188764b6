import { beforeAll, describe, expect, it } from 'vitest';
import { call, createSite, npsAnswer, readStats, store as storeAt } from './helpers';

const DAY = 86_400_000;
const start = Date.UTC(2026, 10, 2, 10, 30); // Monday 2 November 2026, 10:30 UTC
let keys: { id: string; writeKey: string; readKey: string };
let other: { id: string; writeKey: string; readKey: string };

/** Stores answers straight through the consumer (the path the Queue takes, without its delay), received a day after the last capture. */
const store = (site: string, events: ReturnType<typeof npsAnswer>[]) => storeAt(site, events, start + 3 * DAY);

beforeAll(async () => {
  keys = await createSite('stats-site');
  other = await createSite('stats-other');
  // 37 answers over three days: 20 promoters, 9 passives, 8 detractors; phones answer on /pricing only.
  const answers = [
    ...Array.from({ length: 20 }, (_, i) => npsAnswer(i % 2 ? 9 : 10, { ts: start + (i % 3) * DAY })),
    ...Array.from({ length: 9 }, (_, i) => npsAnswer(i % 2 ? 7 : 8, { ts: start + (i % 3) * DAY, url: '/orders/123' })),
    ...Array.from({ length: 8 }, (_, i) => npsAnswer(i % 7, { ts: start + (i % 3) * DAY, device: 'mobile' })),
  ];
  // A dismissal is never an answer.
  const dismissal = { ...npsAnswer(0), type: 'survey_dismissed', ts: start } as unknown as ReturnType<typeof npsAnswer>;
  await store('stats-site', [...answers, dismissal]);
  await store('stats-other', [npsAnswer(0, { ts: start })]);
});

const window = `?from=${new Date(start - DAY).toISOString()}&to=${new Date(start + 5 * DAY).toISOString()}`;

describe('GET /v1/sites/:site/stats/nps', () => {
  it('reports the exact NPS, its interval, n and the window', async () => {
    const { status, body } = await readStats<Record<string, unknown>>('stats-site', keys.readKey, 'nps', window);
    expect(status).toBe(200);
    expect(body).toMatchObject({ n: 37, promoters: 20, passives: 9, detractors: 8 });
    expect(body.score).toBeCloseTo(32.432432, 5);
    expect((body.ci95 as number[])[0]).toBeCloseTo(5.0629, 3);
    expect(body.from).toBe('2026-11-01T10:00:00.000Z');
    expect(body.to).toBe('2026-11-07T11:00:00.000Z');
  });

  it('filters by device and by normalised path', async () => {
    const phones = await readStats<{ n: number; detractors: number }>(
      'stats-site',
      keys.readKey,
      'nps',
      `${window}&device=mobile`,
    );
    expect(phones.body).toMatchObject({ n: 8, detractors: 8 });
    const orders = await readStats<{ n: number; passives: number }>(
      'stats-site',
      keys.readKey,
      'nps',
      `${window}&path=/orders/456`,
    );
    expect(orders.body).toMatchObject({ n: 9, passives: 9 });
  });

  it('gives a daily series whose points add up to the total', async () => {
    const { body } = await readStats<{ n: number; series: { from: string; n: number }[] }>(
      'stats-site',
      keys.readKey,
      'nps',
      `${window}&interval=day`,
    );
    expect(body.series.map((point) => point.from)).toEqual([
      '2026-11-02T00:00:00.000Z',
      '2026-11-03T00:00:00.000Z',
      '2026-11-04T00:00:00.000Z',
    ]);
    expect(body.series.reduce((sum, point) => sum + point.n, 0)).toBe(37);
  });

  it('starts weekly points on Monday', async () => {
    const { body } = await readStats<{ series: { from: string; to: string }[] }>(
      'stats-site',
      keys.readKey,
      'nps',
      `${window}&interval=week`,
    );
    expect(body.series).toHaveLength(1);
    expect(body.series[0]!.from).toBe('2026-11-02T00:00:00.000Z');
  });

  it('answers an empty window with n = 0 and no score', async () => {
    const { body } = await readStats('stats-site', keys.readKey, 'nps', '?from=2020-01-01&to=2020-02-01');
    expect(body).toMatchObject({ n: 0, score: null, ci95: null });
  });

  it('refuses a request without a key, with a write key, or with another site’s key', async () => {
    expect((await call('/v1/sites/stats-site/stats/nps')).status).toBe(401);
    expect((await readStats('stats-site', keys.writeKey, 'nps')).status).toBe(403);
    expect((await readStats('stats-site', other.readKey, 'nps')).status).toBe(403);
    expect((await readStats('no-such-site', keys.readKey, 'nps')).status).toBe(403);
  });

  it('rejects a malformed window with 400', async () => {
    const { status, body } = await readStats<{ error: { message: string } }>(
      'stats-site',
      keys.readKey,
      'nps',
      '?from=yesterday',
    );
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/from/);
  });
});
