import { createMiddleware } from 'hono/factory';
import { siteRateLimits } from '../db/sites';
import type { AppEnv } from '../env';
import { countWithoutEvents } from '../ingest/enqueue';
import { ApiError } from '../lib/errors';
import { RateLimiter } from '../lib/rateLimiter';

/** Requests a minute per site and per visitor IP when neither the site nor the worker's vars say otherwise. */
export const DEFAULT_RATE_LIMITS = { site: 60_000, visitor: 3_000 } as const;

const limiter = new RateLimiter();

const limitOf = (override: number | undefined, variable: string | undefined, fallback: number): number => {
  if (override !== undefined) return override;
  const configured = Number(variable);
  return variable !== undefined && variable !== '' && Number.isFinite(configured) ? configured : fallback;
};

/** A short hash of the client's IP, so the limiter never holds an address. */
const ipHash = async (ip: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(ip));
  return btoa(String.fromCharCode(...new Uint8Array(digest, 0, 12)));
};

/**
 * Limits the write path per visitor IP (hashed) and per site, in requests a minute: the site's own limits, else the
 * worker's `RATE_LIMIT_VISITOR` and `RATE_LIMIT_SITE`, else generous defaults. Over a limit: 429 with Retry-After,
 * which the SDK honours, so nothing is lost, only delayed.
 */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const site = c.get('site');
  const overrides = siteRateLimits(site);
  const visitorLimit = limitOf(overrides.visitor, c.env.RATE_LIMIT_VISITOR, DEFAULT_RATE_LIMITS.visitor);
  const siteLimit = limitOf(overrides.site, c.env.RATE_LIMIT_SITE, DEFAULT_RATE_LIMITS.site);
  const now = Date.now();
  const visitorKey = visitorLimit > 0 ? `v:${site.id}:${await ipHash(c.req.header('cf-connecting-ip') ?? '')}` : '';
  const wait = limiter.hit(visitorKey, visitorLimit, now) || limiter.hit(`s:${site.id}`, siteLimit, now);
  if (wait) {
    countWithoutEvents(
      c.env.EVENTS,
      site.id,
      { limited: c.get('batch').events.length },
      (promise) => c.executionCtx.waitUntil(promise),
      now,
    );
    throw new ApiError(429, 'rate_limited', `Too many requests; retry in ${wait} s.`, { 'Retry-After': String(wait) });
  }
  await next();
});
