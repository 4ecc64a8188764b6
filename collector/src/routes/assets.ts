import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { errorResponse } from '../schema/common';

const sdkRoute = createRoute({
  method: 'get',
  path: '/sdk/{file}',
  tags: ['SDK'],
  summary: 'The SDK files: pulse.js (script tag) and its lazy chunks',
  description: 'Served with CORS and a short cache, so that the lazy chunks load from any site.',
  request: {
    params: z.object({ file: z.string().openapi({ param: { name: 'file', in: 'path' }, example: 'pulse.js' }) }),
  },
  responses: {
    200: {
      description: 'The file.',
      content: { 'text/javascript': { schema: z.string().openapi({ example: '(()=>{"use strict";…})();' }) } },
    },
    404: errorResponse('No such file.'),
  },
});

const dashboardRoute = createRoute({
  method: 'get',
  path: '/dashboard',
  tags: ['Dashboard'],
  summary: "The product team's dashboard",
  responses: {
    200: {
      description: 'The page.',
      content: { 'text/html': { schema: z.string().openapi({ example: '<!doctype html><html lang="en">…</html>' }) } },
    },
  },
});

const dashboardFileRoute = createRoute({
  method: 'get',
  path: '/dashboard/{file}',
  tags: ['Dashboard'],
  summary: "The dashboard's script and styles",
  request: {
    params: z.object({ file: z.string().openapi({ param: { name: 'file', in: 'path' }, example: 'app.js' }) }),
  },
  responses: {
    200: {
      description: 'The file.',
      content: {
        'text/javascript': { schema: z.string().openapi({ example: 'var e=…' }) },
        'text/css': { schema: z.string().openapi({ example: ':root{…}' }) },
      },
    },
    404: errorResponse('No such file.'),
  },
});

/**
 * The dashboard's own policy: its script, styles and API calls come from this origin only, nothing runs inline,
 * and no other site may frame it (the page holds a read key).
 */
const DASHBOARD_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-cache',
};

/** Fetches a file from the static assets, or answers a JSON 404. */
const asset = async (assets: Fetcher, url: string, path: string): Promise<Response> => {
  const response = await assets.fetch(new URL(path, url));
  if (!response.ok) throw new ApiError(404, 'not_found', `No file at ${path}.`);
  return new Response(response.body, response);
};

/** The SDK files and the dashboard page, from the worker's static assets. */
export const assets = new OpenAPIHono<AppEnv>()
  .openapi(sdkRoute, async (c) => {
    const response = await asset(c.env.ASSETS, c.req.url, `/sdk/${c.req.valid('param').file}`);
    response.headers.set('Access-Control-Allow-Origin', '*');
    response.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    response.headers.set('Cache-Control', 'public, max-age=300');
    return response;
  })
  .openapi(dashboardRoute, async (c) => {
    const response = await asset(c.env.ASSETS, c.req.url, '/dashboard/index.html');
    for (const [name, value] of Object.entries(DASHBOARD_HEADERS)) response.headers.set(name, value);
    return response;
  })
  .openapi(dashboardFileRoute, async (c) => {
    const file = c.req.valid('param').file;
    // Only the built script and styles: the page itself is served at /dashboard.
    if (!/^[\w-]+\.(js|css)$/.test(file)) throw new ApiError(404, 'not_found', `No file at /dashboard/${file}.`);
    const response = await asset(c.env.ASSETS, c.req.url, `/dashboard/${file}`);
    for (const [name, value] of Object.entries(DASHBOARD_HEADERS)) response.headers.set(name, value);
    return response;
  });
