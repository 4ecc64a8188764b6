import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv, SiteRow } from '../../env';
import { requireReadKey } from '../../middleware/auth';
import { READ_KEY, SiteParamSchema } from '../../schema/common';
import { SegmentQuerySchema, segmentQuery } from '../segments/segmentQuery';
import { STATS_ERRORS, StatsQuerySchema, windowOf } from '../window';
import { ces } from './ces';
import { csat } from './csat';
import { npsOfScores } from './nps';
import { scoreCounts } from './queries';
import { CesStatsSchema, CsatStatsSchema, NpsStatsSchema } from './schema';
import { scoreStats } from './scoreStats';

/** The stats query with a breakdown and the segment filters. */
const ScoreQuerySchema = StatsQuerySchema.extend(SegmentQuerySchema);

/** What the score routes say of segments, after their own description. */
const SEGMENTS =
  " Filters and breakdowns by segment: `visitor=new|returning`, `locale=<prefix>`, `trait.<key>=<value>` on one of the site's segment keys (see the admin API), and `by=locale|visitor|trait.<key>`; one segment at a time, which `path`, `device`, `survey` and `by=device|path` combine with.";

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
    description: description + SEGMENTS,
    security: READ_KEY,
    middleware: [requireReadKey] as const,
    request: { params: SiteParamSchema, query: ScoreQuerySchema },
    responses: {
      200: { description: 'The aggregate over the window.', content: { 'application/json': { schema } } },
      ...STATS_ERRORS,
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

/**
 * A score's answer to a query: the segment it names (checked against the site's keys), the rollup's sums for it and
 * the score `compute` makes of them.
 */
const readScore = async <Counts extends object, Result extends { n: number }>(
  db: D1Database,
  kind: 'nps' | 'csat' | 'ces',
  site: SiteRow,
  query: z.infer<typeof ScoreQuerySchema>,
  raw: Record<string, string>,
  compute: (counts: Counts) => Result,
) => {
  const { segment, by } = segmentQuery(query, raw, site);
  const window = windowOf(query);
  const sums = await scoreCounts(db, kind, site.id, window, query, by, segment);
  return scoreStats(window, query.by, sums as unknown as Parameters<typeof scoreStats<Counts, Result>>[2], compute);
};

/** `GET /v1/sites/:site/stats/{nps,csat,ces}`: the survey scores, behind the site's read key. */
export const scores = new OpenAPIHono<AppEnv>()
  .openapi(npsRoute, async (c) =>
    c.json(await readScore(c.get('db'), 'nps', c.get('site'), c.req.valid('query'), c.req.query(), npsOfScores), 200),
  )
  .openapi(csatRoute, async (c) =>
    c.json(await readScore(c.get('db'), 'csat', c.get('site'), c.req.valid('query'), c.req.query(), csat), 200),
  )
  .openapi(cesRoute, async (c) =>
    c.json(await readScore(c.get('db'), 'ces', c.get('site'), c.req.valid('query'), c.req.query(), ces), 200),
  );
