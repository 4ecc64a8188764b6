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

/** The vitals' histograms per page and device class: per hour, day and week. */
const HISTOGRAMS: HourlyAndDaily = {
  hourly: 'vital_hourly',
  daily: 'vital_daily',
  weekly: 'vital_weekly',
  columns: 'name, path, device, bucket, count',
};

/** The vitals' histograms of the whole site: per day, and the hours at a window's edges from the hourly rows. */
const SITE_HISTOGRAMS: HourlyAndDaily = {
  hourly: 'vital_hourly',
  daily: 'vital_site_daily',
  columns: 'name, bucket, count',
};

/** A histogram row of a metric over the whole site (or the filtered pages and device classes). */
export type MetricRow = Omit<VitalRow, 'path' | 'device'>;

/**
 * Vital histograms over a window: by metric, path, device class and bucket (whole weeks, days and the hours at
 * either edge from their own rollups, so the rows read are bounded by the buckets and the window's length, whatever
 * the traffic and however much history lies outside it), and without a filter by metric and bucket alone from the
 * site's daily histogram, which holds a few hundred rows a day. With `interval`, also per interval and metric: from
 * the daily rows for days and weeks, from the hourly rows for hours.
 */
export const vitalHistograms = async (db: D1Database, site: string, window: StatsWindow, filters: VitalFilters) => {
  const key = keyFilter(site, filters, ['path', 'device']);
  const where = `${key.where} AND ${NAMES}`;
  const unfiltered = key.bindings.length === 1;
  const groupRows = windowRows(HISTOGRAMS, window, where, key.bindings);
  const statements = [
    db
      .prepare(
        `SELECT name, path, device, bucket, SUM(count) AS count FROM (${groupRows.sql})
         GROUP BY name, path, device, bucket`,
      )
      .bind(...groupRows.bindings),
  ];
  if (unfiltered) {
    const siteRows = windowRows(SITE_HISTOGRAMS, window, where, key.bindings);
    statements.push(
      db
        .prepare(`SELECT name, bucket, SUM(count) AS count FROM (${siteRows.sql}) GROUP BY name, bucket`)
        .bind(...siteRows.bindings),
    );
  }
  if (window.interval) {
    const periodRows = seriesRows(unfiltered ? SITE_HISTOGRAMS : HISTOGRAMS, window, where, key.bindings);
    statements.push(
      db
        .prepare(
          `SELECT ${bucketSql(window.interval)} AS period, name, bucket, SUM(count) AS count FROM (${periodRows.sql})
           GROUP BY period, name, bucket ORDER BY period`,
        )
        .bind(...periodRows.bindings),
    );
  }
  const [groups, ...rest] = await db.batch(statements);
  return {
    groups: groups!.results as VitalRow[],
    metrics: unfiltered ? (rest.shift()!.results as MetricRow[]) : undefined,
    series: window.interval ? (rest.shift()!.results as (MetricRow & { period: number })[]) : undefined,
  };
};
