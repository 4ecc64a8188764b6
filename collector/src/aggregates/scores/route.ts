import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../env';
import { requireReadKey } from '../../middleware/auth';
import { READ_KEY, SiteParamSchema } from '../../schema/common';
import { STATS_ERRORS, StatsQuerySchema, windowOf } from '../window';
import { ces } from './ces';
import { csat } from './csat';
import { npsOfScores } from './nps';
import { cesCounts, csatCounts, npsCounts } from './queries';
import { CesStatsSchema, CsatStatsSchema, NpsStatsSchema } from './schema';
import { scoreStats } from './scoreStats';

/** The stats query with a breakdown. */
const ScoreQuerySchema = StatsQuerySchema.extend({
  by: z.enum(['device', 'path']).optional().openapi({
    description:
      'Adds a breakdown: one group per device class or per normalised path, each with n, the score and its interval.',
  }),
});

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

/** `GET /v1/sites/:site/stats/{nps,csat,ces}`: the survey scores, behind the site's read key. */
export const scores = new OpenAPIHono<AppEnv>()
  .openapi(npsRoute, async (c) => {
    const query = c.req.valid('query');
    const window = windowOf(query);
    const sums = await npsCounts(c.env.DB, c.get('site').id, window, query, query.by);
    return c.json(scoreStats(window, query.by, sums, npsOfScores), 200);
  })
  .openapi(csatRoute, async (c) => {
    const query = c.req.valid('query');
    const window = windowOf(query);
    const sums = await csatCounts(c.env.DB, c.get('site').id, window, query, query.by);
    return c.json(scoreStats(window, query.by, sums, csat), 200);
  })
  .openapi(cesRoute, async (c) => {
    const query = c.req.valid('query');
    const window = windowOf(query);
    const sums = await cesCounts(c.env.DB, c.get('site').id, window, query, query.by);
    return c.json(scoreStats(window, query.by, sums, ces), 200);
  });
