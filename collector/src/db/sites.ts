import type { Bindings, SiteRow } from '../env';
import { ApiError } from '../lib/errors';
import { ttlCache } from '../lib/ttlCache';
import { databaseFor } from './databaseFor';

/** Finds a site by its id or by its public write key. */
export const findSite = (db: D1Database, idOrWriteKey: string): Promise<SiteRow | null> =>
  db
    .prepare(`SELECT * FROM sites WHERE ${idOrWriteKey.startsWith('pk_') ? 'write_key' : 'id'} = ?`)
    .bind(idOrWriteKey)
    .first<SiteRow>();

/** Finds a site by its id or its public write key, or answers 404. */
export const requireSite = async (db: D1Database, idOrWriteKey: string): Promise<SiteRow> => {
  const site = await findSite(db, idOrWriteKey);
  if (!site) throw new ApiError(404, 'site_not_found', 'No such site.');
  return site;
};

/**
 * Copies a site's row from the directory (`DB`) into the site's own database, where it has one (`databaseFor`): the
 * tables there refer to it, and the alerts read its settings there. Called after every change to the row.
 */
export const copySiteRow = async (env: Bindings, id: string): Promise<void> => {
  const db = databaseFor(env, id);
  if (db === env.DB) return;
  const row = await findSite(env.DB, id);
  if (!row) return;
  const columns = Object.keys(row);
  await db
    .prepare(
      `INSERT INTO sites (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${columns.map((column) => `${column} = excluded.${column}`).join(', ')}`,
    )
    .bind(...Object.values(row))
    .run();
};

/** How long the write path trusts a site it looked up: a change made elsewhere reaches every isolate within this. */
export const SITE_CACHE_MS = 10_000;
/** Unknown keys are cached too, so made-up keys cannot hammer the database; past 2,000 keys it starts afresh. */
const siteCache = ttlCache<SiteRow | null>(SITE_CACHE_MS, 2_000);

/**
 * Finds a site by its write key for the write path, cached briefly in the isolate so that ingest does not wait on
 * D1 for every request.
 */
export const findSiteCached = (db: D1Database, writeKey: string, now = Date.now()): Promise<SiteRow | null> =>
  siteCache.load(writeKey, now, () => findSite(db, writeKey));

/** Drops a site from this isolate's cache after an admin change, so the change holds here at once. */
export const forgetSite = (site: Pick<SiteRow, 'id' | 'write_key'>): void =>
  siteCache.forget([site.write_key], (cached) => cached?.id === site.id);

/** The allowed origins of a site; empty allows any origin. */
export const siteOrigins = (site: SiteRow): string[] => JSON.parse(site.origins) as string[];

/** Per-site overrides of the write path's rate limits, in requests a minute. */
export interface SiteRateLimits {
  site?: number;
  visitor?: number;
}

/** The rate-limit overrides of a site. */
export const siteRateLimits = (site: SiteRow): SiteRateLimits => JSON.parse(site.rate_limits) as SiteRateLimits;
