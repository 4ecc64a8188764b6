import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../env';
import { requireReadKey } from '../../middleware/auth';
import { READ_KEY, SiteParamSchema } from '../../schema/common';
import { STATS_ERRORS, StatsQuerySchema, windowOf } from '../window';
import { errorStats } from './errors';
import { errorCounts } from './queries';
import { ErrorStatsSchema } from './schema';

/** The stats query without `survey` and `interval`, which the error groups do not use. */
const QuerySchema = StatsQuerySchema.omit({ survey: true, interval: true });

const errorsRoute = createRoute({
  method: 'get',
  operationId: 'getErrorStats',
  path: '/v1/sites/{site}/stats/errors',
  tags: ['Stats'],
  summary: 'JavaScript errors grouped by normalised message and script, most sessions first',
  description:
    'Per group: events, sessions and pages it reached, how many came right after a click, and when the site first ' +
    'and last saw it. Messages are grouped with their numbers, ids, URLs and quoted values taken out.',
  security: READ_KEY,
  middleware: [requireReadKey] as const,
  request: { params: SiteParamSchema, query: QuerySchema },
  responses: {
    200: { description: 'The groups over the window.', content: { 'application/json': { schema: ErrorStatsSchema } } },
    ...STATS_ERRORS,
  },
});

/** `GET /v1/sites/:site/stats/errors`: JavaScript errors by group, behind the read key. */
export const errors = new OpenAPIHono<AppEnv>().openapi(errorsRoute, async (c) => {
  const query = c.req.valid('query');
  const window = windowOf(query);
  const { groups, clicks } = await errorCounts(c.get('db'), c.get('site').id, window, query);
  return c.json(errorStats(window, groups, clicks), 200);
});
