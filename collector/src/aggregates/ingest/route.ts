import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../env';
import { requireReadKey } from '../../middleware/auth';
import { READ_KEY, SiteParamSchema } from '../../schema/common';
import { STATS_ERRORS, StatsQuerySchema, seriesOf, stated, windowOf } from '../window';
import { ingestCounts } from './queries';
import { IngestStatsSchema } from './schema';

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
    ...STATS_ERRORS,
  },
});

/** `GET /v1/sites/:site/stats/ingest`: what reached storage and what did not, behind the site's read key. */
export const ingest = new OpenAPIHono<AppEnv>().openapi(ingestRoute, async (c) => {
  const window = windowOf(c.req.valid('query'));
  const { total, series } = await ingestCounts(c.get('db'), c.get('site').id, window);
  return c.json({ ...stated(window), ...total, series: seriesOf(window, series, (counts) => counts) }, 200);
});
