import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { vitalHistograms } from '../src/aggregates/vitals/queries';
import type { VitalStats } from '../src/aggregates/vitals/schema';
import { VITAL_BUCKETS } from '../src/aggregates/vitals/vitalBuckets';
import { windowOf } from '../src/aggregates/window';
import { DAY, HOUR, store, T0, vital, WINDOW } from './frictionEvents';
import { createSite, readStats, rowsRead } from './helpers';

let keys: { readKey: string };
const vitals = async (query = WINDOW) => {
  const { status, body } = await readStats<VitalStats>('vitals-site', keys.readKey, 'vitals', query);
  expect(status).toBe(200);
  return body;
};
const metric = (body: VitalStats, name: string) => body.metrics.find((entry) => entry.name === name)!;

/** A deterministic stream of uniform numbers in [0, 1) (mulberry32). */
const uniform = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Log-normal samples with the given median and spread (Box–Muller). */
const logNormal = (count: number, median: number, sigma: number, seed: number) => {
  const next = uniform(seed);
  return Array.from({ length: count }, () => {
    const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    return Math.round(median * Math.exp(sigma * z) * 1000) / 1000;
  });
};

/** The exact 75th percentile by nearest rank. */
const exactP75 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(0.75 * values.length) - 1]!;

const share = (values: number[], test: (value: number) => boolean) => values.filter(test).length / values.length;

const lcp = logNormal(600, 2300, 0.55, 1);
const inp = logNormal(400, 160, 0.8, 2);
// Most pages do not shift at all.
const cls = logNormal(300, 0.08, 1.1, 3).map((value, index) => (index % 3 ? value : 0));
const ttfb = [...logNormal(200, 500, 0.6, 4), 800, 800, 1800, 1800];

beforeAll(async () => {
  keys = await createSite('vitals-site');
  const reports = [
    ...lcp.map((value, i) => vital('LCP', value, `lcp-${i}`, { ts: T0 + (i % 48) * HOUR, url: `/product/${i % 5}` })),
    ...inp.map((value, i) => vital('INP', value, `inp-${i}`, { device: i % 2 ? 'mobile' : 'desktop' })),
    ...cls.map((value, i) => vital('CLS', value, `cls-${i}`)),
    ...ttfb.map((value, i) => vital('TTFB', value, `ttfb-${i}`)),
  ];
  for (let i = 0; i < reports.length; i += 100) await store('vitals-site', reports.slice(i, i + 100));
});

describe('vital histogram buckets', () => {
  it('are the same in the migration and in the code', async () => {
    const { results } = await env.DB.prepare(
      'SELECT name, bucket, lo, hi FROM vital_buckets ORDER BY name, bucket',
    ).all<{
      name: keyof typeof VITAL_BUCKETS;
      bucket: number;
      lo: number;
      hi: number;
    }>();
    const expected = Object.entries(VITAL_BUCKETS)
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([name, buckets]) => buckets.map((bucket) => ({ name, ...bucket })));
    expect(results).toEqual(expected);
  });

  it('grow by at most 10 % and include the thresholds as edges', () => {
    for (const [name, buckets] of Object.entries(VITAL_BUCKETS)) {
      for (const { lo, hi } of buckets.slice(2, -1)) expect(hi / lo, name).toBeLessThanOrEqual(1.1);
      const edges = buckets.map((bucket) => bucket.hi);
      const thresholds = { LCP: [2500, 4000], INP: [200, 500], CLS: [0.1, 0.25], FCP: [1800, 3000], TTFB: [800, 1800] };
      for (const threshold of thresholds[name as keyof typeof thresholds]) expect(edges).toContain(threshold);
    }
  });
});

describe('GET /v1/sites/:site/stats/vitals', () => {
  it('reports p75 within 5 % of the exact value, and exact good / needs-improvement / poor shares', async () => {
    const body = await vitals();
    expect(body.n).toBe(lcp.length + inp.length + cls.length + ttfb.length);
    for (const [name, values, [good, poor]] of [
      ['LCP', lcp, [2500, 4000]],
      ['INP', inp, [200, 500]],
      ['CLS', cls, [0.1, 0.25]],
      ['TTFB', ttfb, [800, 1800]],
    ] as const) {
      const summary = metric(body, name);
      expect(summary.n, name).toBe(values.length);
      const exact = exactP75([...values]);
      expect(Math.abs(summary.p75! - exact) / exact, `${name} p75 ${summary.p75} vs ${exact}`).toBeLessThanOrEqual(
        0.05,
      );
      expect(summary.good, name).toBeCloseTo(
        share([...values], (value) => value <= good),
        12,
      );
      expect(summary.poor, name).toBeCloseTo(
        share([...values], (value) => value > poor),
        12,
      );
      expect(summary.needsImprovement, name).toBeCloseTo(
        share([...values], (value) => value > good && value <= poor),
        12,
      );
    }
    expect(metric(body, 'FCP')).toEqual({
      name: 'FCP',
      n: 0,
      p75: null,
      rating: null,
      good: 0,
      needsImprovement: 0,
      poor: 0,
    });
  });

  it('keeps a value on a threshold on the good side, as web-vitals rates it', async () => {
    const { good, needsImprovement, poor } = metric(await vitals(), 'TTFB');
    expect(good * ttfb.length).toBeCloseTo(ttfb.filter((value) => value <= 800).length, 9);
    expect(poor * ttfb.length).toBeCloseTo(ttfb.filter((value) => value > 1800).length, 9);
    expect(needsImprovement * ttfb.length).toBeCloseTo(
      2 + ttfb.filter((value) => value > 800 && value < 1800).length,
      9,
    );
  });

  it('breaks down per normalised path and device class', async () => {
    const body = await vitals();
    const lcpGroups = body.groups.filter((group) => group.name === 'LCP');
    expect(lcpGroups.map((group) => [group.path, group.device, group.n])).toEqual([['/product/:id', 'desktop', 600]]);
    const inpGroups = body.groups.filter((group) => group.name === 'INP');
    expect(inpGroups.map((group) => [group.device, group.n]).sort()).toEqual([
      ['desktop', 200],
      ['mobile', 200],
    ]);
    const phones = await vitals(`${WINDOW}&device=mobile`);
    expect(metric(phones, 'INP').n).toBe(200);
    const mobileInp = inp.filter((_, i) => i % 2);
    expect(Math.abs(metric(phones, 'INP').p75! - exactP75(mobileInp)) / exactP75(mobileInp)).toBeLessThanOrEqual(0.05);
    expect(metric(phones, 'LCP').n).toBe(0);
  });

  it('counts exactly the records of a window made of whole days and edge hours', async () => {
    // LCP reports are spread over 48 hours from T0 (10:30 on day 0): 600 reports, 12.5 per hour.
    const count = (fromHour: number, toHour: number) =>
      lcp.filter((_, i) => {
        const hour = Math.floor((T0 + (i % 48) * HOUR) / HOUR);
        return hour >= fromHour && hour < toHour;
      }).length;
    const t0Hour = Math.floor(T0 / HOUR);
    for (const [from, to] of [
      [t0Hour + 3, t0Hour + 40],
      [t0Hour, t0Hour + 5],
      [t0Hour - 10, t0Hour + 100],
      [t0Hour + 13, t0Hour + 14],
    ]) {
      const body = await vitals(`?from=${from! * HOUR}&to=${to! * HOUR}`);
      expect(metric(body, 'LCP').n, `${from}–${to}`).toBe(count(from!, to!));
    }
  });

  it('gives a daily series per metric', async () => {
    const body = await vitals(`${WINDOW}&interval=day`);
    const lcpPerDay = body.series!.map((point) => [point.from, metric(point as VitalStats, 'LCP').n]);
    expect(lcpPerDay).toEqual([
      ['2026-11-02T00:00:00.000Z', lcp.filter((_, i) => i % 48 < 14).length],
      ['2026-11-03T00:00:00.000Z', lcp.filter((_, i) => i % 48 >= 14 && i % 48 < 38).length],
      ['2026-11-04T00:00:00.000Z', lcp.filter((_, i) => i % 48 >= 38).length],
    ]);
  });

  it('gives a weekly series per metric, weeks starting on Monday', async () => {
    const body = await vitals(`${WINDOW}&interval=week`);
    expect(body.series!.map((point) => [point.from, metric(point as VitalStats, 'LCP').n])).toEqual([
      ['2026-11-02T00:00:00.000Z', lcp.length],
    ]);
  });
});

describe('one record per metric id', () => {
  it('keeps the last report of a metric id, whatever order the reports arrive in', async () => {
    const site = await createSite('vitals-last');
    const read = async () =>
      metric((await readStats<VitalStats>('vitals-last', site.readKey, 'vitals', WINDOW)).body, 'CLS');
    await store('vitals-last', [
      vital('CLS', 0.05, 'v5-page-1', { ts: T0 }),
      vital('CLS', 0.18, 'v5-page-1', { ts: T0 + 1000 }),
    ]);
    await store('vitals-last', [vital('CLS', 0.31, 'v5-page-1', { ts: T0 + 2000 })]);
    const cls = await read();
    expect(cls).toMatchObject({ n: 1, rating: 'poor', good: 0, needsImprovement: 0, poor: 1 });
    expect(Math.abs(cls.p75! - 0.31) / 0.31).toBeLessThanOrEqual(0.04);
    // A late-arriving older report does not replace the newer one.
    await store('vitals-last', [vital('CLS', 0.01, 'v5-page-1', { ts: T0 + 500 })]);
    expect(await read()).toEqual(cls);
    const rows = await env.DB.prepare(
      "SELECT SUM(count) AS n, COUNT(*) AS buckets FROM vital_hourly WHERE site = 'vitals-last'",
    ).first<{ n: number; buckets: number }>();
    expect(rows).toEqual({ n: 1, buckets: 1 });
  });
});

describe('window', () => {
  it('states its bounds', async () => {
    const body = await vitals(`?from=${T0}&to=${T0 + DAY}`);
    expect([body.from, body.to]).toEqual(['2026-11-02T10:00:00.000Z', '2026-11-03T11:00:00.000Z']);
  });
});

describe('rows read', () => {
  it('depend on the window, not on the history outside it', async () => {
    await createSite('vitals-history');
    await store(
      'vitals-history',
      ['LCP', 'INP', 'CLS'].map((name, i) => vital(name, 100 + i, `history-${name}`)),
    );
    const windows = ['', 'hour', 'day', 'week'].map((interval) =>
      windowOf({ ...Object.fromEntries(new URLSearchParams(WINDOW)), interval: interval || undefined } as never),
    );
    const before = await Promise.all(
      windows.map((window) => rowsRead((db) => vitalHistograms(db, 'vitals-history', window, {}))),
    );
    // Two years of weekly, daily and hourly rows before the window, as a site with a long retention has.
    const t0Hour = Math.floor(T0 / HOUR);
    const ago = (unit: string, first: number, step: number) =>
      `WITH RECURSIVE ago(n) AS (SELECT 2 UNION ALL SELECT n + 1 FROM ago WHERE n < 730)
       SELECT 'vitals-history', v.name, ${first} - n * ${step}${unit}
       FROM ago, (SELECT 'LCP' AS name UNION ALL SELECT 'INP' UNION ALL SELECT 'CLS') v`;
    const perPage = ", '/', 'desktop', 10, 1";
    await env.DB.batch(
      [
        `INSERT INTO vital_hourly ${ago(perPage, t0Hour, 24)}`,
        `INSERT INTO vital_daily ${ago(perPage, Math.floor(t0Hour / 24), 1)}`,
        `INSERT INTO vital_weekly ${ago(perPage, Math.floor((t0Hour + 72) / 168), 1)} WHERE n < 110`,
        `INSERT INTO vital_site_hourly ${ago(', 10, 1', t0Hour, 24)}`,
        `INSERT INTO vital_site_daily ${ago(', 10, 1', Math.floor(t0Hour / 24), 1)}`,
      ].map((sql) => env.DB.prepare(sql)),
    );
    const after = await Promise.all(
      windows.map((window) => rowsRead((db) => vitalHistograms(db, 'vitals-history', window, {}))),
    );
    expect(after).toEqual(before);
  });
});
