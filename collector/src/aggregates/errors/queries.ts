import { type RollupFilters, rollupFilter } from '../rollupFilter';
import type { StatsWindow } from '../window';

/** How many error groups the stats list, most sessions first. */
export const ERROR_GROUPS_LISTED = 50;

/** An error group's counts over a window, with what identifies it. */
export interface ErrorGroupRow {
  fingerprint: string;
  message_key: string;
  message: string;
  file: string | null;
  first_seen: number;
  last_seen: number;
  events: number;
  sessions: number;
  pages: number;
}

/**
 * The error groups seen in a window, most sessions first, and the error clicks per normalised message in it. Reads
 * the hourly rollups and one row per group listed.
 */
export const errorCounts = async (
  db: D1Database,
  site: string,
  window: StatsWindow,
  filters: Pick<RollupFilters, 'path' | 'device'>,
) => {
  const { where, bindings } = rollupFilter(site, window, filters, ['path', 'device']);
  const [groups, clicks] = await db.batch([
    db
      .prepare(
        `SELECT h.fingerprint, g.message_key, g.message, g.file, g.first_seen, g.last_seen, h.events, h.sessions, h.pages
         FROM (SELECT fingerprint, SUM(events) AS events, SUM(sessions) AS sessions, COUNT(DISTINCT path) AS pages
               FROM error_hourly WHERE ${where} GROUP BY fingerprint HAVING SUM(events) > 0) h
         JOIN error_groups g ON g.site = ? AND g.fingerprint = h.fingerprint
         ORDER BY h.sessions DESC, h.events DESC, h.fingerprint LIMIT ${ERROR_GROUPS_LISTED}`,
      )
      .bind(...bindings, site),
    db
      .prepare(`SELECT message_key, SUM(clicks) AS clicks FROM error_click_hourly WHERE ${where} GROUP BY message_key`)
      .bind(...bindings),
  ]);
  return {
    groups: groups!.results as ErrorGroupRow[],
    clicks: clicks!.results as { message_key: string; clicks: number }[],
  };
};
