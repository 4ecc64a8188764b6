import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { cesCounts, csatCounts, ingestCounts, npsCounts } from '../db/aggregates';
import type { AppEnv } from '../env';
import { requireReadKey } from '../middleware/auth';
import { errorResponse, READ_ERRORS, READ_KEY, SiteParamSchema } from '../schema/common';
import { CesStatsSchema, CsatStatsSchema, IngestStatsSchema, NpsStatsSchema } from '../schema/stats';
import { ces } from '../stats/ces';
import { csat } from '../stats/csat';
import { npsOfScores } from '../stats/nps';
import {
  bucketWindow,
  hourToIso,
  StatsQuerySchema,
  type StatsWindow,
  type WindowSchema,
  windowOf,
} from '../stats/window';

const unauthorised = {
  400: errorResponse('A malformed query; the message names the parameter.'),
  ...READ_ERRORS,
};

const statsRoute = <Schema extends typeof NpsStatsSchema | typeof CsatStatsSchema | typeof CesStatsSchema>(
  name: string,
  summary: string,
  description: string,
  schema: Schema,
) =>
  createRoute({
    method: 'get',
    // getNpsStats, getCsatStats, getCesStats.
    operationId: `get${name[0]!.toUpperCase()}${name.slice(1)}Stats`,
    path: `/v1/sites/{site}/stats/${name}`,
    tags: ['Stats'],
    summary,
    description,
    security: READ_KEY,
    middleware: [requireReadKey] as const,
    request: { params: SiteParamSchema, query: StatsQuerySchema },
    responses: {
      200: { description: 'The aggregate over the window.', content: { 'application/json': { schema } } },
      ...unauthorised,
    },
  });

const npsRoute = statsRoute(
  'nps',
  'Net Promoter Score with its 95 % interval',
  'n counts answered NPS questions only, never dismissals. Promoters score 9–10, passives 7–8, detractors 0–6.',
  NpsStatsSchema,
);

const csatRoute = statsRoute(
  'csat',
  'Customer satisfaction with its Wilson 95 % interval',
  'Answers 1–5; satisfied means 4 or 5; score = 100·satisfied/n.',
  CsatStatsSchema,
);

const cesRoute = statsRoute(
  'ces',
  "Customer effort: the mean with a Student's t 95 % interval, and the share who agree (5–7)",
  'Answers 1–7, where 7 is the easiest.',
  CesStatsSchema,
);

const IngestQuerySchema = StatsQuerySchema.pick({ from: true, to: true, interval: true });

const ingestRoute = createRoute({
  method: 'get',
  operationId: 'getIngestStats',
  path: '/v1/sites/{site}/stats/ingest',
  tags: ['Stats'],
  summary:
    'What reached storage, and what did not (rejected, dropped by the SDK, bots, rate-limited, refused, quarantined)',
  description: 'Counted per hour of receipt. Counts of requests that carried no events reach storage within 10 s.',
  security: READ_KEY,
  middleware: [requireReadKey] as const,
  request: { params: SiteParamSchema, query: IngestQuerySchema },
  responses: {
    200: { description: 'The counts over the window.', content: { 'application/json': { schema: IngestStatsSchema } } },
    ...unauthorised,
  },
});

/** The stated window of an answer, ISO 8601. */
const stated = (window: StatsWindow): Record<keyof typeof WindowSchema, string> => ({
  from: hourToIso(window.fromHour),
  to: hourToIso(window.toHour),
});

/** One point per interval, each with its own window, when the window asks for a series. */
const seriesOf = <Counts extends object, Result>(
  window: StatsWindow,
  rows: (Counts & { bucket: number })[] | undefined,
  compute: (counts: Counts) => Result,
) => {
  const interval = window.interval;
  if (!rows || !interval) return undefined;
  return rows.map(({ bucket, ...counts }) => ({
    ...bucketWindow(bucket, { ...window, interval }),
    ...compute(counts as unknown as Counts),
  }));
};

/** `GET /v1/sites/:site/stats/…`: survey aggregates and ingest counts, behind the site's read key. */
export const stats = new OpenAPIHono<AppEnv>()
  .openapi(npsRoute, async (c) => {
    const query = c.req.valid('query');
    const window = windowOf(query);
    const { total, series } = await npsCounts(c.env.DB, c.get('site').id, window, query);
    return c.json({ ...stated(window), ...npsOfScores(total), series: seriesOf(window, series, npsOfScores) }, 200);
  })
  .openapi(csatRoute, async (c) => {
    const query = c.req.valid('query');
    const window = windowOf(query);
    const { total, series } = await csatCounts(c.env.DB, c.get('site').id, window, query);
    return c.json({ ...stated(window), ...csat(total), series: seriesOf(window, series, csat) }, 200);
  })
  .openapi(cesRoute, async (c) => {
    const query = c.req.valid('query');
    const window = windowOf(query);
    const { total, series } = await cesCounts(c.env.DB, c.get('site').id, window, query);
    return c.json({ ...stated(window), ...ces(total), series: seriesOf(window, series, ces) }, 200);
  })
  .openapi(ingestRoute, async (c) => {
    const window = windowOf(c.req.valid('query'));
    const { total, series } = await ingestCounts(c.env.DB, c.get('site').id, window);
    return c.json({ ...stated(window), ...total, series: seriesOf(window, series, (counts) => counts) }, 200);
  });
