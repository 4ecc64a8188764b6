import { beforeAll, describe, expect, it } from 'vitest';
import { nps } from '../src/aggregates/scores/nps';
import type { CsatStats, NpsStats } from '../src/aggregates/scores/schema';
import { call, createSite, npsAnswer, readStats, store as storeAt, surveyAnswer } from './helpers';

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
  // CSAT, the worked example: scores 1×2, 2×3, 3×4, 4×11, 5×20 over two days; phones gave the 1s and 2s.
  const csatScores = [1, 1, 2, 2, 2, ...Array(4).fill(3), ...Array(11).fill(4), ...Array(20).fill(5)] as number[];
  await store(
    'stats-site',
    csatScores.map((score, i) =>
      surveyAnswer('csat', score, { ts: start + (i % 2) * DAY, device: score <= 2 ? 'mobile' : 'desktop' }),
    ),
  );
  // CES, the worked example: 2, 3, 4, 5×3, 6×3, 7×3, on /checkout; and one answer of 1 on /cart.
  const cesScores = [2, 3, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7];
  await store('stats-site', [
    ...cesScores.map((score) => surveyAnswer('ces', score, { ts: start, url: '/checkout?step=3' })),
    surveyAnswer('ces', 1, { ts: start + DAY, url: '/cart' }),
  ]);
});

const window = `?from=${new Date(start - DAY).toISOString()}&to=${new Date(start + 5 * DAY).toISOString()}`;

describe('GET /v1/sites/:site/stats/nps', () => {
  it('reports the exact NPS, its interval, n and the window', async () => {
    const { status, body } = await readStats<Record<string, unknown>>('stats-site', keys.readKey, 'nps', window);
    expect(status).toBe(200);
    expect(body).toMatchObject({ n: 37, promoters: 20, passives: 9, detractors: 8 });
    expect(body.distribution).toEqual({ 0: 2, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 4, 8: 5, 9: 10, 10: 10 });
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

  it('breaks the score down by device class or by path: each group with n, its score, interval and lowSample', async () => {
    const read = async (query: string) =>
      (await readStats<NpsStats>('stats-site', keys.readKey, 'nps', `${window}${query}`)).body;
    const pick = (group: NonNullable<NpsStats['breakdown']>['groups'][number]) => {
      const { value, n, promoters, passives, detractors, score, lowSample } = group;
      return { value, n, promoters, passives, detractors, score, lowSample };
    };
    const byDevice = await read('&by=device');
    expect(byDevice.breakdown!.by).toBe('device');
    expect(byDevice.breakdown!.groups.map(pick)).toEqual([
      { value: 'desktop', n: 29, promoters: 20, passives: 9, detractors: 0, score: (100 * 20) / 29, lowSample: true },
      { value: 'mobile', n: 8, promoters: 0, passives: 0, detractors: 8, score: -100, lowSample: true },
    ]);
    expect(byDevice.breakdown!.groups[1]!.ci95).toEqual(nps({ promoters: 0, passives: 0, detractors: 8 }).ci95);
    const byPath = await read('&by=path');
    expect(byPath.breakdown!.groups.map((group) => [group.value, group.n])).toEqual([
      ['/orders/:id', 9],
      ['/pricing', 28],
    ]);
    const csatByDevice = (await readStats<CsatStats>('stats-site', keys.readKey, 'csat', `${window}&by=device`)).body;
    expect(
      csatByDevice.breakdown!.groups.map(({ value, n, satisfied, lowSample }) => [value, n, satisfied, lowSample]),
    ).toEqual([
      ['desktop', 35, 31, false],
      ['mobile', 5, 0, true],
    ]);
    expect((await read('')).breakdown).toBeUndefined();
    expect((await readStats('stats-site', keys.readKey, 'nps', `${window}&by=country`)).status).toBe(400);
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

describe('GET /v1/sites/:site/stats/csat', () => {
  it('reports the exact CSAT, its Wilson interval, n and the window', async () => {
    const { status, body } = await readStats<Record<string, unknown>>('stats-site', keys.readKey, 'csat', window);
    expect(status).toBe(200);
    // 31 of 40 satisfied: 77.5 %, Wilson [62.4966, 87.6840] (worked out in aggregates.test.ts).
    expect(body).toMatchObject({ n: 40, satisfied: 31, score: 77.5, distribution: { 1: 2, 2: 3, 3: 4, 4: 11, 5: 20 } });
    expect((body.ci95 as number[])[0]).toBeCloseTo(62.4966, 3);
    expect((body.ci95 as number[])[1]).toBeCloseTo(87.684, 3);
    expect(body.from).toBe('2026-11-01T10:00:00.000Z');
    expect(body.to).toBe('2026-11-07T11:00:00.000Z');
  });

  it('filters by device and survey, and adds up over a daily series', async () => {
    const phones = await readStats<{ n: number; satisfied: number }>(
      'stats-site',
      keys.readKey,
      'csat',
      `${window}&device=mobile`,
    );
    expect(phones.body).toMatchObject({ n: 5, satisfied: 0, score: 0 });
    const otherSurvey = await readStats('stats-site', keys.readKey, 'csat', `${window}&survey=nps`);
    expect(otherSurvey.body).toMatchObject({ n: 0, score: null, ci95: null });
    const daily = await readStats<{ series: { from: string; n: number; satisfied: number }[] }>(
      'stats-site',
      keys.readKey,
      'csat',
      `${window}&interval=day`,
    );
    expect(daily.body.series.map((point) => [point.from, point.n])).toEqual([
      ['2026-11-02T00:00:00.000Z', 20],
      ['2026-11-03T00:00:00.000Z', 20],
    ]);
    expect(daily.body.series.reduce((sum, point) => sum + point.satisfied, 0)).toBe(31);
  });
});

describe('GET /v1/sites/:site/stats/ces', () => {
  it("reports the mean with its Student's t interval and the share who agree", async () => {
    const { body } = await readStats<{
      n: number;
      mean: number;
      ci95: number[];
      agree: { n: number; share: number; ci95: number[] };
    }>('stats-site', keys.readKey, 'ces', `${window}&path=/checkout`);
    // The worked example of aggregates.test.ts: mean 5.25, [4.231785, 6.268215]; 9 of 12 agree, [46.769, 91.106].
    expect(body.n).toBe(12);
    expect(body.mean).toBe(5.25);
    expect(body.ci95[0]).toBeCloseTo(4.231785, 5);
    expect(body.ci95[1]).toBeCloseTo(6.268215, 5);
    expect(body.agree.n).toBe(9);
    expect(body.agree.share).toBe(75);
    expect(body.agree.ci95[0]).toBeCloseTo(46.769, 2);
  });

  it('counts every page without a path filter', async () => {
    const { body } = await readStats<{ n: number; mean: number; distribution: Record<string, number> }>(
      'stats-site',
      keys.readKey,
      'ces',
      window,
    );
    expect(body.n).toBe(13);
    expect(body.mean).toBeCloseTo(64 / 13, 10);
    expect(body.distribution).toEqual({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 3, 6: 3, 7: 3 });
  });
});

describe('GET /v1/sites/:site/stats/ingest', () => {
  it('counts the events stored, by hour of receipt', async () => {
    const { body } = await readStats<Record<string, number>>('stats-site', keys.readKey, 'ingest', window);
    // 37 NPS answers, 1 dismissal, 40 CSAT and 13 CES answers, all received 5 November 10:30.
    expect(body).toMatchObject({ stored: 91, rejected: 0, dropped: 0, bots: 0, limited: 0, refused: 0 });
  });

  it('rejects a malformed window', async () => {
    expect((await readStats('stats-site', keys.readKey, 'ingest', '?from=soon')).status).toBe(400);
  });
});
