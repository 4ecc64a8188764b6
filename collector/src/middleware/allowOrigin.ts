import { createMiddleware } from 'hono/factory';
import { siteOrigins } from '../db/sites';
import type { AppEnv } from '../env';
import { countWithoutEvents } from '../ingest/enqueue';
import { ApiError } from '../lib/errors';

/** Refuses a write from an Origin the site does not allow (an empty allow-list allows any), and counts it. */
export const allowOrigin = createMiddleware<AppEnv>(async (c, next) => {
  const site = c.get('site');
  const origins = siteOrigins(site);
  const origin = c.req.header('origin');
  if (origins.length && !(origin && origins.includes(origin))) {
    countWithoutEvents(c.env.EVENTS, site.id, { refused: c.get('batch').events.length }, (promise) =>
      c.executionCtx.waitUntil(promise),
    );
    throw new ApiError(
      403,
      'origin_not_allowed',
      `This site does not accept events from ${origin ?? 'a request without an Origin'}.`,
    );
  }
  await next();
});
