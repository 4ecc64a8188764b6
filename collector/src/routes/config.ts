import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { SiteConfig } from '@pulse/sdk/protocol';
import { requireSite } from '../db/sites';
import { listSurveys } from '../db/surveys';
import type { AppEnv } from '../env';
import { errorResponse, SiteParamSchema } from '../schema/common';
import { SiteConfigSchema } from '../schema/surveys';

const route = createRoute({
  method: 'get',
  path: '/v1/sites/{site}/config',
  tags: ['Config'],
  summary: "A site's survey definitions and thresholds, for the SDK",
  description:
    'Public and cacheable for 60 s, with an ETag, so a change reaches visitors within a minute. ' +
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

/** A strong ETag: the first 16 bytes of the body's SHA-256. */
const etagOf = async (body: string) => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  return `"${[...new Uint8Array(digest).slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}"`;
};

/** `GET /v1/sites/:site/config`: the public, cacheable config the SDK fetches. */
export const config = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const site = await requireSite(c.env.DB, c.req.valid('param').site);
  const body = JSON.stringify({
    surveys: await listSurveys(c.env.DB, site.id),
    thresholds: JSON.parse(site.thresholds),
  } satisfies SiteConfig);
  const etag = await etagOf(body);
  c.header('Cache-Control', 'public, max-age=60');
  c.header('ETag', etag);
  c.header('Access-Control-Allow-Origin', '*');
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
});
