import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../env';
import { requireReadKey } from '../../middleware/auth';
import { READ_KEY, SiteParamSchema } from '../../schema/common';
import { STATS_ERRORS, StatsQuerySchema, windowOf } from '../window';
import { formStats } from './forms';
import { formCounts } from './queries';
import { FormStatsSchema } from './schema';

/** The stats query without `survey` and `interval`, which the form stats do not use. */
const QuerySchema = StatsQuerySchema.omit({ survey: true, interval: true });

const formsRoute = createRoute({
  method: 'get',
  operationId: 'getFormStats',
  path: '/v1/sites/{site}/stats/forms',
  tags: ['Stats'],
  summary: 'Forms touched and abandoned, per form and page, most abandoned first',
  description:
    'Per form selector and normalised page: the sessions that changed one of its fields, submitted it, or left it ' +
    'without ever submitting it; the abandonment rate with its Wilson interval; the fields they last touched (names ' +
    'only, never values); and the median time they spent before leaving. Sessions count in the hour they first ' +
    'touched the form.',
  security: READ_KEY,
  middleware: [requireReadKey] as const,
  request: { params: SiteParamSchema, query: QuerySchema },
  responses: {
    200: { description: 'The forms over the window.', content: { 'application/json': { schema: FormStatsSchema } } },
    ...STATS_ERRORS,
  },
});

/** `GET /v1/sites/:site/stats/forms`: form abandonment per form and page, behind the read key. */
export const forms = new OpenAPIHono<AppEnv>().openapi(formsRoute, async (c) => {
  const query = c.req.valid('query');
  const window = windowOf(query);
  const { forms, fields, medians } = await formCounts(c.get('db'), c.get('site').id, window, query);
  return c.json(formStats(window, forms, fields, medians), 200);
});
