import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { SiteConfig } from '@pulse/sdk/protocol';
import { databaseFor } from '../db/databaseFor';
import { CONFIG_CACHE_MS, readConfigCached } from '../db/siteConfig';
import { findSite } from '../db/sites';
import { listSurveys } from '../db/surveys';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { verifyPreview } from '../lib/previewToken';
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
    "The SDK calls it with the public write key. With `preview` (a preview link's token, from the admin API) it " +
    'also answers the survey to preview, and is not cached.',
  request: {
    params: SiteParamSchema,
    query: z.object({
      preview: z
        .string()
        .optional()
        .openapi({ description: 'A preview token, as `?pulse-preview=` gave it to the page.' }),
    }),
  },
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
    403: errorResponse('The preview token is not valid for this site, or has expired.'),
    404: errorResponse('No such site, or no such survey to preview.'),
  },
});

/** `GET /v1/sites/:site/config`: the public, cacheable config the SDK fetches. */
export const config = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { site: idOrKey } = c.req.valid('param');
  const { preview } = c.req.valid('query');
  const served = await readConfigCached(c.env, idOrKey);
  if (!served) throw new ApiError(404, 'site_not_found', 'No such site.');
  c.header('Access-Control-Allow-Origin', '*');
  if (preview !== undefined) {
    const site = (await findSite(c.env.DB, idOrKey))!;
    const id = await verifyPreview(site, preview);
    const survey = (await listSurveys(databaseFor(c.env, site.id), site.id)).find((definition) => definition.id === id);
    if (!survey) throw new ApiError(404, 'survey_not_found', `The site has no survey ${id} any more.`);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...(JSON.parse(served.body) as SiteConfig), preview: survey }, 200);
  }
  c.header('Cache-Control', `public, max-age=${CONFIG_CACHE_MS / 1000}`);
  c.header('ETag', served.etag);
  if (c.req.header('if-none-match') === served.etag) return c.body(null, 304);
  return c.body(served.body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
});
