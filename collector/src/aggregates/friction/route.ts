import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../env';
import { requireReadKey } from '../../middleware/auth';
import { READ_ERRORS, READ_KEY, SiteParamSchema } from '../../schema/common';
import { StatsQuerySchema, windowOf } from '../window';
import { frictionStats } from './friction';
import { frictionCounts } from './queries';
import { FrictionStatsSchema } from './schema';

/** The stats query without `survey`, which friction does not use. */
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

/** `GET /v1/sites/:site/stats/friction`: friction signals per page, behind the read key. */
export const friction = new OpenAPIHono<AppEnv>().openapi(frictionRoute, async (c) => {
  const query = c.req.valid('query');
  const window = windowOf(query);
  const { counts, elements, words, series } = await frictionCounts(c.get('db'), c.get('site').id, window, query);
  return c.json(frictionStats(window, query.path === undefined, counts, elements, words, series), 200);
});
