import { normalizePath } from '../lib/normalizePath';
import { VITAL_THRESHOLDS } from '../stats/vitalBuckets';
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
 * Every vital's name as a bound list: the rollups' keys start with (site, name, time), so naming each vital lets
 * D1 seek straight to the window instead of scanning the site's whole history.
 */
const NAMES = `name IN (${Object.keys(VITAL_THRESHOLDS)
  .map((name) => `'${name}'`)
  .join(', ')})`;

/**
 * Vital histograms over a window, by metric, path, device class and bucket: whole days from the daily
 * histograms and the hours at either edge from the hourly ones, so the rows read are bounded by the buckets
 * and the window's length, whatever the traffic and however much history lies outside the window. With
 * `interval`, also per interval and metric: from the same rows for days and weeks, from the hourly rows for hours.
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
  // The window's rows, each at its first hour: a daily row at its day's midnight.
  const rows = `SELECT day * 24 AS hour, name, path, device, bucket, count FROM vital_daily
      WHERE site = ? AND ${NAMES} AND day >= ? AND day < ?${sql}
    UNION ALL
    SELECT hour, name, path, device, bucket, count FROM vital_hourly
      WHERE site = ? AND ${NAMES} AND hour >= ? AND hour < ?${sql}
    UNION ALL
    SELECT hour, name, path, device, bucket, count FROM vital_hourly
      WHERE site = ? AND ${NAMES} AND hour >= ? AND hour < ?${sql}`;
  // Each edge a range of its own: an OR of two ranges would scan every hour of the site.
  const [fromHour, firstDayHour, lastDayHour, toHour] = edges;
  const rowBindings = [
    ...[site, firstDay, days ? lastDay : firstDay, ...bindings],
    ...[site, fromHour, firstDayHour, ...bindings],
    ...[site, lastDayHour, toHour, ...bindings],
  ];
  const histograms = db
    .prepare(
      `SELECT name, path, device, bucket, SUM(count) AS count FROM (${rows}) GROUP BY name, path, device, bucket`,
    )
    .bind(...rowBindings);
  if (!window.interval) return { rows: (await histograms.all<VitalRow>()).results, series: undefined };
  const period = bucketSql(window.interval);
  // A day's row cannot be split into hours: an hourly series reads the hourly rows alone.
  const series =
    window.interval === 'hour'
      ? db
          .prepare(
            `SELECT ${period} AS period, name, bucket, SUM(count) AS count FROM vital_hourly
             WHERE site = ? AND ${NAMES} AND hour >= ? AND hour < ?${sql} GROUP BY period, name, bucket ORDER BY period`,
          )
          .bind(site, window.fromHour, window.toHour, ...bindings)
      : db
          .prepare(
            `SELECT ${period} AS period, name, bucket, SUM(count) AS count FROM (${rows})
             GROUP BY period, name, bucket ORDER BY period`,
          )
          .bind(...rowBindings);
  const [histogramRows, periods] = await db.batch([histograms, series]);
  return {
    rows: histogramRows!.results as VitalRow[],
    series: periods!.results as (Omit<VitalRow, 'path' | 'device'> & { period: number })[],
  };
};
