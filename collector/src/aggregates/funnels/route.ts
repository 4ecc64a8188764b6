import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { databaseFor } from '../../db/databaseFor';
import { requireSite } from '../../db/sites';
import type { AppEnv } from '../../env';
import { ApiError } from '../../lib/errors';
import { requireAdmin, requireReadKey } from '../../middleware/auth';
import { ADMIN_ERRORS, ADMIN_TOKEN, errorResponse, READ_ERRORS, READ_KEY, SiteParamSchema } from '../../schema/common';
import { StatsQuerySchema, windowOf } from '../window';
import { funnelStats } from './funnels';
import { deleteFunnel, funnelCounts, listFunnels, putFunnel } from './queries';
import { FunnelSchema, FunnelStatsSchema } from './schema';

const SiteParamsSchema = z.object({
  site: z.string().openapi({ param: { name: 'site', in: 'path' }, example: 'shop' }),
});

const FunnelParamsSchema = SiteParamsSchema.extend({
  funnel: z.string().openapi({ param: { name: 'funnel', in: 'path' }, example: 'checkout' }),
});

const putRoute = createRoute({
  method: 'put',
  operationId: 'putFunnel',
  path: '/v1/admin/sites/{site}/funnels/{funnel}',
  tags: ['Admin'],
  summary: 'Create or replace a funnel',
  description:
    'Steps are page views matching a URL rule (exact, prefix, contains, or glob with `*` for one path segment or ' +
    '`**` for any run) or `track` events by name. Saving counts the funnel again from the raw events still kept.',
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: {
    params: FunnelParamsSchema,
    body: { required: true, content: { 'application/json': { schema: FunnelSchema } } },
  },
  responses: {
    200: { description: 'Replaced.', content: { 'application/json': { schema: FunnelSchema } } },
    201: { description: 'Created.', content: { 'application/json': { schema: FunnelSchema } } },
    400: errorResponse('Invalid funnel; the message names the field.'),
    404: errorResponse('No such site.'),
    ...ADMIN_ERRORS,
  },
});

const listRoute = createRoute({
  method: 'get',
  operationId: 'listFunnels',
  path: '/v1/admin/sites/{site}/funnels',
  tags: ['Admin'],
  summary: "A site's funnels",
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: { params: SiteParamsSchema },
  responses: {
    200: {
      description: 'The funnels, by id.',
      content: {
        'application/json': {
          schema: z.object({ funnels: z.array(FunnelSchema) }).openapi('FunnelList', {
            example: {
              funnels: [
                {
                  id: 'checkout',
                  steps: [{ url: { match: 'exact', value: '/cart' } }, { event: 'order_placed' }],
                },
              ],
            },
          }),
        },
      },
    },
    404: errorResponse('No such site.'),
    ...ADMIN_ERRORS,
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  operationId: 'deleteFunnel',
  path: '/v1/admin/sites/{site}/funnels/{funnel}',
  tags: ['Admin'],
  summary: 'Delete a funnel and its counts',
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: { params: FunnelParamsSchema },
  responses: {
    204: { description: 'Deleted.' },
    404: errorResponse('No such site or funnel.'),
    ...ADMIN_ERRORS,
  },
});

/** The stats query without `survey`, which funnels do not use. */
const QuerySchema = StatsQuerySchema.omit({ survey: true });

const funnelsRoute = createRoute({
  method: 'get',
  operationId: 'getFunnelStats',
  path: '/v1/sites/{site}/stats/funnels',
  tags: ['Stats'],
  summary: 'Funnels: per step, the sessions that reached it and those that left there',
  description:
    'Sessions count in the window by the hour they entered step 1; a session reaches a step only after the ' +
    'previous one. `path` does not apply; `funnel` picks one funnel.',
  security: READ_KEY,
  middleware: [requireReadKey] as const,
  request: {
    params: SiteParamSchema,
    query: QuerySchema.extend({ funnel: z.string().max(64).optional().openapi({ description: 'Only this funnel.' }) }),
  },
  responses: {
    200: { description: 'Funnels over the window.', content: { 'application/json': { schema: FunnelStatsSchema } } },
    ...READ_ERRORS,
  },
});

/** `/v1/admin/sites/:site/funnels…` (definitions, behind the admin token) and `GET /v1/sites/:site/stats/funnels` (behind the read key). */
export const funnels = new OpenAPIHono<AppEnv>()
  .openapi(putRoute, async (c) => {
    const { site: siteId, funnel: funnelId } = c.req.valid('param');
    const funnel = c.req.valid('json');
    if (funnel.id !== funnelId)
      throw new ApiError(400, 'invalid_request', `id: must equal the id in the path (${funnelId})`);
    const site = await requireSite(c.env.DB, siteId);
    return c.json(funnel, (await putFunnel(databaseFor(c.env, site.id), site.id, funnel)) ? 200 : 201);
  })
  .openapi(listRoute, async (c) => {
    const site = await requireSite(c.env.DB, c.req.valid('param').site);
    return c.json({ funnels: await listFunnels(databaseFor(c.env, site.id), site.id) }, 200);
  })
  .openapi(deleteRoute, async (c) => {
    const { site: siteId, funnel } = c.req.valid('param');
    const site = await requireSite(c.env.DB, siteId);
    if (!(await deleteFunnel(databaseFor(c.env, site.id), site.id, funnel)))
      throw new ApiError(404, 'funnel_not_found', 'No such funnel.');
    return c.body(null, 204);
  })
  .openapi(funnelsRoute, async (c) => {
    const query = c.req.valid('query');
    const window = windowOf(query);
    const site = c.get('site').id;
    const [definitions, rows] = await Promise.all([
      listFunnels(c.get('db'), site),
      funnelCounts(c.get('db'), site, window, query),
    ]);
    return c.json(funnelStats(window, definitions, rows, query.funnel), 200);
  });
