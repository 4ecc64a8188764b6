import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { npsCounts } from '../db/nps';
import type { AppEnv } from '../env';
import { requireReadKey } from '../middleware/auth';
import { errorResponse, READ_KEY, SiteParamSchema } from '../schema/common';
import { nps } from '../stats/nps';
import { bucketWindow, hourToIso, StatsQuerySchema, WindowSchema, windowOf } from '../stats/window';

const NpsPointSchema = z.object({
  ...WindowSchema,
  n: z.number().int(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  score: z.number().nullable().openapi({ description: '100·(P − D)/n, exact; null when n = 0.' }),
  ci95: z
    .tuple([z.number(), z.number()])
    .nullable()
    .openapi({ description: 'Adjusted-Wald 95 % interval, clipped to [−100, 100].' }),
});

const NpsStatsSchema = NpsPointSchema.extend({ series: z.array(NpsPointSchema).optional() }).openapi('NpsStats', {
  example: {
    from: '2026-11-01T00:00:00.000Z',
    to: '2026-11-22T00:00:00.000Z',
    n: 37,
    promoters: 20,
    passives: 9,
    detractors: 8,
    score: 32.432432432432435,
    ci95: [9.54, 52.18],
  },
});

const unauthorised = {
  401: errorResponse('No read key.'),
  403: errorResponse('The key cannot read this site.'),
};

const npsRoute = createRoute({
  method: 'get',
  path: '/v1/sites/{site}/stats/nps',
  tags: ['Stats'],
  summary: 'Net Promoter Score with its 95 % interval',
  description:
    'n counts answered NPS questions only, never dismissals. Promoters score 9–10, passives 7–8, detractors 0–6.',
  security: READ_KEY,
  middleware: [requireReadKey] as const,
  request: { params: SiteParamSchema, query: StatsQuerySchema },
  responses: {
    200: { description: 'The NPS over the window.', content: { 'application/json': { schema: NpsStatsSchema } } },
    ...unauthorised,
  },
});

/** `GET /v1/sites/:site/stats/…`: aggregates, behind the site's read key. */
export const stats = new OpenAPIHono<AppEnv>().openapi(npsRoute, async (c) => {
  const query = c.req.valid('query');
  const window = windowOf(query);
  const { total, series } = await npsCounts(c.env.DB, c.get('site').id, window, query);
  const interval = window.interval;
  return c.json(
    {
      from: hourToIso(window.fromHour),
      to: hourToIso(window.toHour),
      ...nps(total),
      series:
        series && interval
          ? series.map(({ bucket, ...counts }) => ({
              ...bucketWindow(bucket, { ...window, interval }),
              ...nps(counts),
            }))
          : undefined,
    },
    200,
  );
});
