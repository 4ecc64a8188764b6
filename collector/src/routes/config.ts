import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { CONFIG_CACHE_MS, readConfigCached } from '../db/siteConfig';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { errorResponse, SiteParamSchema } from '../schema/common';
import { SiteConfigSchema } from '../schema/surveys';

const route = createRoute({
  method: 'get',
  operationId: 'getSiteConfig',
  path: '/v1/sites/{site}/config',
  security: [],
  tags: ['Config'],
  summary: "A site's survey definitions and thresholds, for the SDK",
  description:
    'Public and cacheable for 30 s, with an ETag; each isolate of the collector also keeps it for 30 s, so a change ' +
    'reaches visitors within a minute. ' +
    'The SDK calls it with the public write key.',
  request: { params: SiteParamSchema },
  responses: {
    200: {
      description: 'The config.',
      content: {
        'application/json': {
          schema: SiteConfigSchema,
          example: {
            surveys: [
              {
                id: 'nps',
                questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us to a friend?' }],
                triggers: [{ on: 'visit', count: 2 }],
              },
            ],
            thresholds: { rageClick: { clicks: 4 } },
          },
        },
      },
    },
    304: { description: 'Not modified since the ETag sent in If-None-Match.' },
    404: errorResponse('No such site.'),
  },
});

/** `GET /v1/sites/:site/config`: the public, cacheable config the SDK fetches. */
export const config = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const served = await readConfigCached(c.env.DB, c.req.valid('param').site);
  if (!served) throw new ApiError(404, 'site_not_found', 'No such site.');
  c.header('Cache-Control', `public, max-age=${CONFIG_CACHE_MS / 1000}`);
  c.header('ETag', served.etag);
  c.header('Access-Control-Allow-Origin', '*');
  if (c.req.header('if-none-match') === served.etag) return c.body(null, 304);
  return c.body(served.body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
});
