import type { SiteConfig } from '@pulse/sdk/protocol';
import type { Bindings, SiteRow } from '../env';
import { sha256Hex } from '../lib/sha256Hex';
import { ttlCache } from '../lib/ttlCache';
import { databaseFor } from './databaseFor';
import { findSite } from './sites';
import { listSurveys } from './surveys';

/** A site's public config as the config route serves it: the JSON body and its ETag. */
export interface ServedConfig {
  body: string;
  etag: string;
}

/**
 * How long an isolate serves a site's config from memory, and how long browsers may keep it (`max-age`): together,
 * a change reaches every visitor within a minute.
 */
export const CONFIG_CACHE_MS = 30_000;
// Past 2,000 keys it starts afresh.
const configCache = ttlCache<ServedConfig | null>(CONFIG_CACHE_MS, 2_000);

/**
 * A site's survey definitions and thresholds, by its id or write key; null for an unknown site. Every page view of
 * every visitor asks for it and it rarely changes, so each isolate keeps it (and an unknown key's null, so made-up
 * keys cannot hammer the database) for `CONFIG_CACHE_MS`.
 */
export const readConfigCached = (env: Bindings, idOrWriteKey: string, now = Date.now()): Promise<ServedConfig | null> =>
  configCache.load(idOrWriteKey, now, async () => {
    const site = await findSite(env.DB, idOrWriteKey);
    if (!site) return null;
    const body = JSON.stringify({
      surveys: await listSurveys(databaseFor(env, site.id), site.id),
      thresholds: JSON.parse(site.thresholds),
      // Only where the site has segment keys: every page view fetches this.
      segments: site.segments === '[]' ? undefined : JSON.parse(site.segments),
    } satisfies SiteConfig);
    // A strong ETag: the first 16 bytes of the body's SHA-256.
    return { body, etag: `"${await sha256Hex(body, 16)}"` };
  });

/** Drops a site's config from this isolate's memory after an admin change, so the change shows here at once. */
export const forgetConfig = (site: Pick<SiteRow, 'id' | 'write_key'>): void =>
  configCache.forget([site.id, site.write_key]);
