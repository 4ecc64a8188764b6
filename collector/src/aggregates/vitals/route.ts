import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../env';
import { requireReadKey } from '../../middleware/auth';
import { READ_ERRORS, READ_KEY, SiteParamSchema } from '../../schema/common';
import { StatsQuerySchema, windowOf } from '../window';
import { vitalHistograms } from './queries';
import { VitalStatsSchema } from './schema';
import { vitalStats } from './vitals';

/** The stats query without `survey`, which web vitals do not use. */
const QuerySchema = StatsQuerySchema.omit({ survey: true });

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

/** `GET /v1/sites/:site/stats/vitals`: web vitals, behind the read key. */
export const vitals = new OpenAPIHono<AppEnv>().openapi(vitalsRoute, async (c) => {
  const query = c.req.valid('query');
  const window = windowOf(query);
  const { groups, series } = await vitalHistograms(c.get('db'), c.get('site').id, window, query);
  return c.json(vitalStats(window, groups, series), 200);
});
