import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../env';
import { requireReadKey } from '../../middleware/auth';
import { READ_KEY, SiteParamSchema } from '../../schema/common';
import { STATS_ERRORS, StatsQuerySchema, windowOf } from '../window';
import { impactStats } from './impact';
import { impactCounts } from './queries';
import { ImpactStatsSchema } from './schema';

/** The stats query without `interval`: the comparisons cover the whole window. */
const QuerySchema = StatsQuerySchema.omit({ interval: true });

const impactRoute = createRoute({
  method: 'get',
  operationId: 'getImpactStats',
  path: '/v1/sites/{site}/stats/impact',
  tags: ['Stats'],
  summary: 'Scores linked to friction: respondents who met friction before answering against those who met none',
  description:
    'For NPS, CSAT and CES: the score of answers whose session had a friction signal captured before the answer, ' +
    'the score of answers whose session had none, and the difference with a 95 % interval (NPS: adjusted-Wald ' +
    "difference; CSAT: Newcombe's hybrid score interval; CES: Welch). The same per signal and per worst element. " +
    'Classed by capture time, whatever the order in which events arrived; flagged `lowSample` under 30 answers a side.',
  security: READ_KEY,
  middleware: [requireReadKey] as const,
  request: { params: SiteParamSchema, query: QuerySchema },
  responses: {
    200: {
      description: 'The comparisons over the window.',
      content: { 'application/json': { schema: ImpactStatsSchema } },
    },
    ...STATS_ERRORS,
  },
});

/** `GET /v1/sites/:site/stats/impact`: scores with and without friction, behind the read key. */
export const impact = new OpenAPIHono<AppEnv>().openapi(impactRoute, async (c) => {
  const query = c.req.valid('query');
  const window = windowOf(query);
  const { answers, elements } = await impactCounts(c.get('db'), c.get('site').id, window, query);
  return c.json(impactStats(window, answers, elements), 200);
});
