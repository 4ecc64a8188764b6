import { keyFilter } from '../rollupFilter';
import { bucketSql, type StatsWindow } from '../window';
import { type HourlyAndDaily, seriesRows, windowRows } from '../windowRows';
import { VITAL_THRESHOLDS } from './vitalBuckets';

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

/**
 * Every vital's name as a bound list: the rollups' keys start with (site, name, time), so naming each vital lets
 * D1 seek straight to the window instead of scanning the site's whole history.
 */
const NAMES = `name IN (${Object.keys(VITAL_THRESHOLDS)
  .map((name) => `'${name}'`)
  .join(', ')})`;

/** The vitals' histograms, per hour and per day. */
const HISTOGRAMS: HourlyAndDaily = {
  hourly: 'vital_hourly',
  daily: 'vital_daily',
  columns: 'name, path, device, bucket, count',
};

/**
 * Vital histograms over a window, by metric, path, device class and bucket: whole days from the daily
 * histograms and the hours at either edge from the hourly ones, so the rows read are bounded by the buckets
 * and the window's length, whatever the traffic and however much history lies outside the window. With
 * `interval`, also per interval and metric: from the same rows for days and weeks, from the hourly rows for hours.
 */
export const vitalHistograms = async (db: D1Database, site: string, window: StatsWindow, filters: VitalFilters) => {
  const key = keyFilter(site, filters, ['path', 'device']);
  const where = `${key.where} AND ${NAMES}`;
  const rows = windowRows(HISTOGRAMS, window, where, key.bindings);
  const histograms = db
    .prepare(
      `SELECT name, path, device, bucket, SUM(count) AS count FROM (${rows.sql}) GROUP BY name, path, device, bucket`,
    )
    .bind(...rows.bindings);
  if (!window.interval) return { rows: (await histograms.all<VitalRow>()).results, series: undefined };
  const perPeriod = seriesRows(HISTOGRAMS, window, where, key.bindings);
  const series = db
    .prepare(
      `SELECT ${bucketSql(window.interval)} AS period, name, bucket, SUM(count) AS count FROM (${perPeriod.sql})
       GROUP BY period, name, bucket ORDER BY period`,
    )
    .bind(...perPeriod.bindings);
  const [histogramRows, periods] = await db.batch([histograms, series]);
  return {
    rows: histogramRows!.results as VitalRow[],
    series: periods!.results as (Omit<VitalRow, 'path' | 'device'> & { period: number })[],
  };
};
