import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { errorResponse } from '../schema/common';

const sdkRoute = createRoute({
  method: 'get',
  operationId: 'getSdkFile',
  path: '/sdk/{file}',
  security: [],
  tags: ['SDK'],
  summary: 'The SDK files: pulse.js (script tag) and its lazy chunks',
  description:
    'Served with CORS, so that the lazy chunks load from any site. `pulse.js` is cached for 5 minutes and revalidated ' +
    'with its ETag (304 for `If-None-Match`); a chunk, whose name carries a hash of its content ' +
    '(`widget-1a2b3c4d.js`), is immutable, cached for a year. A `pulse.js` only ever asks for the chunks built with ' +
    'it: one that is no longer deployed is a 404, never another version.',
  request: {
    params: z.object({ file: z.string().openapi({ param: { name: 'file', in: 'path' }, example: 'pulse.js' }) }),
  },
  responses: {
    200: {
      description: 'The file.',
      content: { 'text/javascript': { schema: z.string().openapi({ example: '(()=>{"use strict";…})();' }) } },
    },
    304: { description: 'Not modified: the `If-None-Match` ETag is current.' },
    404: errorResponse('No such file.'),
  },
});

/** A chunk's name ends in a hash of its content: its bytes never change under that name. */
const HASHED = /^[a-z]+-[\w-]{6,}\.js$/;

const dashboardRoute = createRoute({
  method: 'get',
  operationId: 'getDashboard',
  path: '/dashboard',
  security: [],
  tags: ['Dashboard'],
  summary: "The product team's dashboard",
  responses: {
    200: {
      description: 'The page.',
      content: { 'text/html': { schema: z.string().openapi({ example: '<!doctype html><html lang="en">…</html>' }) } },
    },
    404: errorResponse('The dashboard is not in this deployment: the build (`npm run build`) was not run before it.'),
  },
});

const dashboardFileRoute = createRoute({
  method: 'get',
  operationId: 'getDashboardFile',
  path: '/dashboard/{file}',
  security: [],
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

/** Fetches a file from the static assets, passing on `If-None-Match` (a 304 comes back as it is), or answers a JSON 404. */
const asset = async (assets: Fetcher, request: Request, path: string): Promise<Response> => {
  const etag = request.headers.get('If-None-Match');
  const response = await assets.fetch(new URL(path, request.url), { headers: etag ? { 'If-None-Match': etag } : {} });
  if (!response.ok && response.status !== 304) throw new ApiError(404, 'not_found', `No file at ${path}.`);
  return new Response(response.body, response);
};

/** The SDK files and the dashboard page, from the worker's static assets. */
export const assets = new OpenAPIHono<AppEnv>()
  .openapi(sdkRoute, async (c) => {
    const file = c.req.valid('param').file;
    const response = await asset(c.env.ASSETS, c.req.raw, `/sdk/${file}`);
    response.headers.set('Access-Control-Allow-Origin', '*');
    response.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    response.headers.set(
      'Cache-Control',
      HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate',
    );
    return response;
  })
  .openapi(dashboardRoute, async (c) => {
    const response = await asset(c.env.ASSETS, c.req.raw, '/dashboard/index.html');
    for (const [name, value] of Object.entries(DASHBOARD_HEADERS)) response.headers.set(name, value);
    return response;
  })
  .openapi(dashboardFileRoute, async (c) => {
    const file = c.req.valid('param').file;
    // Only the built script and styles: the page itself is served at /dashboard.
    if (!/^[\w-]+\.(js|css)$/.test(file)) throw new ApiError(404, 'not_found', `No file at /dashboard/${file}.`);
    const response = await asset(c.env.ASSETS, c.req.raw, `/dashboard/${file}`);
    for (const [name, value] of Object.entries(DASHBOARD_HEADERS)) response.headers.set(name, value);
    return response;
  });
