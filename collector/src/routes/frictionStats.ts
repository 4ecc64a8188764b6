import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { VitalName } from '@pulse/sdk/protocol';
import { frictionCounts } from '../db/friction';
import { funnelCounts, listFunnels } from '../db/funnels';
import { vitalHistograms } from '../db/vitals';
import type { AppEnv } from '../env';
import { groupBy } from '../lib/groupBy';
import { requireReadKey } from '../middleware/auth';
import { READ_ERRORS, READ_KEY, SiteParamSchema } from '../schema/common';
import { FrictionStatsSchema, FunnelStatsSchema, VitalStatsSchema } from '../schema/frictionStats';
import { summarizeFriction } from '../stats/friction';
import { summarize } from '../stats/histogram';
import { VITAL_THRESHOLDS } from '../stats/vitalBuckets';
import { bucketStart, bucketWindow, hourToIso, StatsQuerySchema, windowOf } from '../stats/window';

const VITALS = Object.keys(VITAL_THRESHOLDS) as VitalName[];

/** The stats query without `survey`, which these routes do not use. */
const QuerySchema = StatsQuerySchema.omit({ survey: true });

const frictionRoute = createRoute({
  method: 'get',
  operationId: 'getFrictionStats',
  path: '/v1/sites/{site}/stats/friction',
  tags: ['Stats'],
  summary: 'Friction signals per page, with page views and sessions as denominators',
  description:
    'Counts of each friction signal, page views, sessions and rates per 100 page views, for the site and per ' +
    'normalised path, and the elements with the most rage and dead clicks.',
  security: READ_KEY,
  middleware: [requireReadKey] as const,
  request: { params: SiteParamSchema, query: QuerySchema },
  responses: {
    200: { description: 'Friction over the window.', content: { 'application/json': { schema: FrictionStatsSchema } } },
    ...READ_ERRORS,
  },
});

const vitalsRoute = createRoute({
  method: 'get',
  operationId: 'getVitalsStats',
  path: '/v1/sites/{site}/stats/vitals',
  tags: ['Stats'],
  summary: 'Web vitals: p75 and good / needs-improvement / poor shares',
  description:
    'LCP, INP, CLS, FCP and TTFB, one record per web-vitals metric id (its last value), from log-bucket ' +
    'histograms whose edges include the thresholds: LCP 2500/4000 ms, INP 200/500 ms, CLS 0.1/0.25, ' +
    'FCP 1800/3000 ms, TTFB 800/1800 ms.',
  security: READ_KEY,
  middleware: [requireReadKey] as const,
  request: { params: SiteParamSchema, query: QuerySchema },
  responses: {
    200: { description: 'Vitals over the window.', content: { 'application/json': { schema: VitalStatsSchema } } },
    ...READ_ERRORS,
  },
});

const funnelsRoute = createRoute({
  method: 'get',
  operationId: 'getFunnelStats',
  path: '/v1/sites/{site}/stats/funnels',
  tags: ['Stats'],
  summary: 'Funnels: per step, the sessions that reached it and those that left there',
  description:
    'Sessions count in the window by the hour they entered step 1; a session reaches a step only after the ' +
    'previous one. `path` does not apply; `funnel` picks one funnel.',
  security: READ_KEY,
  middleware: [requireReadKey] as const,
  request: {
    params: SiteParamSchema,
    query: QuerySchema.extend({ funnel: z.string().max(64).optional().openapi({ description: 'Only this funnel.' }) }),
  },
  responses: {
    200: { description: 'Funnels over the window.', content: { 'application/json': { schema: FunnelStatsSchema } } },
    ...READ_ERRORS,
  },
});

// Handlers ------------------------------------------------------------------------------------------------

/** Adds `count` under `key` in a map of counts. */
const add = <K>(counts: Map<K, number>, key: K, count: number) => counts.set(key, (counts.get(key) ?? 0) + count);

/** Per-step counts of a funnel from the sessions that reached each step. */
const stepCounts = (names: (string | null)[], reached: ReadonlyMap<number, number>) => {
  const steps = names.map((name, index) => {
    const here = reached.get(index + 1) ?? 0;
    // Sessions that reached the last step completed the funnel: none left there.
    const next = index + 1 < names.length ? (reached.get(index + 2) ?? 0) : here;
    return { step: index + 1, name, reached: here, left: here - next };
  });
  const n = steps[0]?.reached ?? 0;
  const completed = steps.at(-1)?.reached ?? 0;
  return { n, completed, conversion: n ? completed / n : null, steps };
};

/** `GET /v1/sites/:site/stats/{friction,vitals,funnels}`: friction, web vitals and funnels, behind the read key. */
export const frictionStats = new OpenAPIHono<AppEnv>()
  .openapi(frictionRoute, async (c) => {
    const query = c.req.valid('query');
    const window = windowOf(query);
    const { counts, elements, series } = await frictionCounts(c.env.DB, c.get('site').id, window, query);
    const site = new Map<string, number>();
    const pages = new Map<string, Map<string, number>>();
    for (const { path, type, count } of counts) {
      if (path === '*') continue;
      add(site, type, count);
      add(pages.get(path) ?? pages.set(path, new Map()).get(path)!, type, count);
    }
    // Without a path filter, a session that saw several pages counts once: the whole-site rows say so.
    if (query.path === undefined)
      site.set('session', counts.find((row) => row.path === '*' && row.type === 'session')?.count ?? 0);
    const total = summarizeFriction(site);
    const interval = window.interval;
    return c.json(
      {
        from: hourToIso(window.fromHour),
        to: hourToIso(window.toHour),
        n: total.pageviews,
        ...total,
        pages: [...pages]
          .map(([path, byType]) => ({ path, ...summarizeFriction(byType) }))
          .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || b.pageviews - a.pageviews || a.path.localeCompare(b.path)),
        elements,
        series:
          series && interval
            ? [...groupBy(series, (row) => row.bucket)].map(([bucket, rows]) => {
                const byType = new Map<string, number>();
                for (const row of rows)
                  if (row.type === 'session' ? Boolean(row.whole) === (query.path === undefined) : !row.whole)
                    add(byType, row.type, row.count);
                const summary = summarizeFriction(byType);
                return { ...bucketWindow(bucket, { ...window, interval }), n: summary.pageviews, ...summary };
              })
            : undefined,
      },
      200,
    );
  })
  .openapi(vitalsRoute, async (c) => {
    const query = c.req.valid('query');
    const window = windowOf(query);
    const { rows, series } = await vitalHistograms(c.env.DB, c.get('site').id, window, query);
    const perMetric = new Map<VitalName, Map<number, number>>(VITALS.map((name) => [name, new Map()]));
    const perGroup = new Map<string, { name: VitalName; path: string; device: string; counts: Map<number, number> }>();
    for (const row of rows) {
      const name = row.name as VitalName;
      const key = JSON.stringify([name, row.path, row.device]);
      const group = perGroup.get(key) ?? { name, path: row.path, device: row.device, counts: new Map() };
      perGroup.set(key, group);
      add(group.counts, row.bucket, row.count);
      add(perMetric.get(name)!, row.bucket, row.count);
    }
    const metrics = VITALS.map((name) => ({ name, ...summarize(name, perMetric.get(name)!) }));
    const interval = window.interval;
    return c.json(
      {
        from: hourToIso(window.fromHour),
        to: hourToIso(window.toHour),
        n: metrics.reduce((sum, metric) => sum + metric.n, 0),
        metrics,
        groups: [...perGroup.values()]
          .map(({ counts, ...group }) => ({ ...group, ...summarize(group.name, counts) }))
          .sort((a, b) => a.name.localeCompare(b.name) || b.n - a.n || a.path.localeCompare(b.path)),
        series:
          series && interval
            ? [...groupBy(series, (row) => row.period)].map(([period, periodRows]) => ({
                ...bucketWindow(period, { ...window, interval }),
                metrics: VITALS.map((name) => {
                  const counts = new Map<number, number>();
                  for (const row of periodRows) if (row.name === name) add(counts, row.bucket, row.count);
                  return { name, ...summarize(name, counts) };
                }),
              }))
            : undefined,
      },
      200,
    );
  })
  .openapi(funnelsRoute, async (c) => {
    const query = c.req.valid('query');
    const window = windowOf(query);
    const site = c.get('site').id;
    const [definitions, rows] = await Promise.all([
      listFunnels(c.env.DB, site),
      funnelCounts(c.env.DB, site, window, query),
    ]);
    const interval = window.interval;
    return c.json(
      {
        from: hourToIso(window.fromHour),
        to: hourToIso(window.toHour),
        funnels: definitions
          .filter((funnel) => query.funnel === undefined || funnel.id === query.funnel)
          .map((funnel) => {
            const names = funnel.steps.map((step) => step.name ?? null);
            const mine = rows.filter((row) => row.funnel === funnel.id);
            const reached = new Map<number, number>();
            for (const row of mine) add(reached, row.step, row.sessions);
            return {
              id: funnel.id,
              name: funnel.name ?? null,
              ...stepCounts(names, reached),
              series: interval
                ? [...groupBy(mine, (row) => bucketStart(row.hour, interval))].map(([bucket, bucketRows]) => {
                    const inBucket = new Map<number, number>();
                    for (const row of bucketRows) add(inBucket, row.step, row.sessions);
                    return { ...bucketWindow(bucket, { ...window, interval }), ...stepCounts(names, inBucket) };
                  })
                : undefined,
            };
          }),
      },
      200,
    );
  });
