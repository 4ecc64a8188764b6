import { normalizePath } from '../lib/normalizePath';
import { bucketSql, type StatsWindow } from '../stats/window';

/** A histogram row: how many metric records of a vital, page and device class fell in a bucket. */
export interface VitalRow {
  name: string;
  path: string;
  device: string;
  bucket: number;
  count: number;
}

/** Filters of the vitals stats. */
export interface VitalFilters {
  path?: string;
  device?: string;
}

const filterSql = (filters: VitalFilters) => {
  const clauses: string[] = [];
  const bindings: string[] = [];
  if (filters.path !== undefined) {
    clauses.push('path = ?');
    bindings.push(normalizePath(filters.path));
  }
  if (filters.device !== undefined) {
    clauses.push('device = ?');
    bindings.push(filters.device);
  }
  return { sql: clauses.map((clause) => ` AND ${clause}`).join(''), bindings };
};

/**
 * Vital histograms over a window, by metric, path, device class and bucket: whole days from the daily
 * histograms and the hours at either edge from the hourly ones, so the rows read are bounded by the buckets
 * and the window's length, whatever the traffic. With `interval`, also per interval and metric (hourly rows).
 */
export const vitalHistograms = async (db: D1Database, site: string, window: StatsWindow, filters: VitalFilters) => {
  const { sql, bindings } = filterSql(filters);
  const firstDay = Math.ceil(window.fromHour / 24);
  const lastDay = Math.max(firstDay, Math.floor(window.toHour / 24));
  const days = lastDay > firstDay;
  // Without a whole day inside the window, every hour comes from the hourly rows.
  const edges = days
    ? [window.fromHour, firstDay * 24, lastDay * 24, window.toHour]
    : [window.fromHour, window.toHour, window.toHour, window.toHour];
  const histograms = db
    .prepare(
      `SELECT name, path, device, bucket, SUM(count) AS count FROM (
         SELECT name, path, device, bucket, count FROM vital_daily
         WHERE site = ? AND day >= ? AND day < ?${sql}
         UNION ALL
         SELECT name, path, device, bucket, count FROM vital_hourly
         WHERE site = ? AND ((hour >= ? AND hour < ?) OR (hour >= ? AND hour < ?))${sql}
       ) GROUP BY name, path, device, bucket`,
    )
    .bind(site, firstDay, days ? lastDay : firstDay, ...bindings, site, ...edges, ...bindings);
  if (!window.interval) return { rows: (await histograms.all<VitalRow>()).results, series: undefined };
  const series = db
    .prepare(
      `SELECT ${bucketSql(window.interval)} AS period, name, bucket, SUM(count) AS count FROM vital_hourly
       WHERE site = ? AND hour >= ? AND hour < ?${sql} GROUP BY period, name, bucket ORDER BY period`,
    )
    .bind(site, window.fromHour, window.toHour, ...bindings);
  const [rows, periods] = await db.batch([histograms, series]);
  return {
    rows: rows!.results as VitalRow[],
    series: periods!.results as (Omit<VitalRow, 'path' | 'device'> & { period: number })[],
  };
};
