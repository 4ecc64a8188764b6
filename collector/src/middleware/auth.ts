import { createMiddleware } from 'hono/factory';
import { databaseFor } from '../db/databaseFor';
import { findSite } from '../db/sites';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { hashKey, keyMatches } from '../lib/keys';

const bearer = (header: string | undefined): string | undefined => /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];

const UNAUTHORISED = { 'WWW-Authenticate': 'Bearer' };
/** A hash no key has: compared against when the site does not exist. */
const UNKNOWN_SITE_HASH = '0'.repeat(64);

/**
 * Lets a request through only with the secret read key (`Authorization: Bearer sk_…`) of the site in the path.
 * The key is compared by hash in constant time; a key of another site, or a write key, is refused alike.
 */
export const requireReadKey = createMiddleware<AppEnv>(async (c, next) => {
  const key = bearer(c.req.header('authorization'));
  if (!key) throw new ApiError(401, 'missing_key', 'Send the read key as Authorization: Bearer sk_…', UNAUTHORISED);
  const site = await findSite(c.env.DB, c.req.param('site') ?? '');
  // Compare against a dummy hash when the site is unknown, so the answer takes the same time either way.
  const matches = await keyMatches(key, site?.read_key_hash ?? UNKNOWN_SITE_HASH);
  if (!site || !matches) throw new ApiError(403, 'invalid_key', 'This key cannot read this site.');
  c.set('site', site);
  c.set('db', databaseFor(c.env, site.id));
  await next();
});

/** Lets a request through only with the admin token (the worker's `ADMIN_TOKEN` secret), compared in constant time. */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const expected = c.env.ADMIN_TOKEN;
  if (!expected) throw new ApiError(503, 'admin_disabled', 'Set the ADMIN_TOKEN secret to use the admin routes.');
  const token = bearer(c.req.header('authorization'));
  if (!token) throw new ApiError(401, 'missing_token', 'Send the admin token as Authorization: Bearer …', UNAUTHORISED);
  if (!(await keyMatches(token, await hashKey(expected))))
    throw new ApiError(403, 'invalid_token', 'This token is not the admin token.');
  await next();
});
