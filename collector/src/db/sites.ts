import type { SiteRow } from '../env';

/** Finds a site by its id or by its public write key. */
export const findSite = (db: D1Database, idOrWriteKey: string): Promise<SiteRow | null> =>
  db
    .prepare(`SELECT * FROM sites WHERE ${idOrWriteKey.startsWith('pk_') ? 'write_key' : 'id'} = ?`)
    .bind(idOrWriteKey)
    .first<SiteRow>();

/** The allowed origins of a site; empty allows any origin. */
export const siteOrigins = (site: SiteRow): string[] => JSON.parse(site.origins) as string[];
