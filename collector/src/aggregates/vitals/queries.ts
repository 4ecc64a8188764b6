import { keyFilter } from '../rollupFilter';
import { bucketSql, type StatsWindow } from '../window';
import { type HourlyAndDaily, seriesRows, windowRows } from '../windowRows';
import { VITAL_THRESHOLDS } from './vitalBuckets';

/**
 * A histogram of a vital over a window, as D1 answers it: one row per metric (and page and device class, or
 * interval) whose `counts` lists `bucket:count` pairs, comma-separated. One row per histogram rather than one per
 * bucket: thousands of rows fewer to pass from D1 to the worker.
 */
export interface PackedHistogram {
  name: string;
  counts: string;
}

/** A histogram of a vital on one page and device class. */
export type GroupHistogram = PackedHistogram & { path: string; device: string };

/** A histogram of a vital in one interval of a series. */
export type PeriodHistogram = PackedHistogram & { period: number };

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

/** The vitals' histograms of the whole site, without page and device class, per hour and day: for series. */
const SITE_HISTOGRAMS: HourlyAndDaily = {
  hourly: 'vital_site_hourly',
  daily: 'vital_site_daily',
  columns: 'name, bucket, count',
};

/** The SQL that adds up `rows` per histogram (`keys`) and bucket, and answers one packed row per histogram. */
const packed = (rows: string, keys: string) =>
  `SELECT ${keys}, group_concat(bucket || ':' || count) AS counts FROM (
     SELECT ${keys}, bucket, SUM(count) AS count FROM (${rows}) GROUP BY ${keys}, bucket
   ) GROUP BY ${keys}`;

/**
 * Vital histograms over a window: per metric, path and device class (whole weeks, days and the hours at either edge
 * from their own rollups, so the rows read are bounded by the buckets and the window's length, whatever the traffic
 * and however much history lies outside it); the site's figures are their sum. With `interval`, also per interval
 * and metric: without a filter from the site's histograms, which hold a few hundred rows a day; from the daily rows
 * for days and weeks, from the hourly rows for hours.
 */
export const vitalHistograms = async (db: D1Database, site: string, window: StatsWindow, filters: VitalFilters) => {
  const key = keyFilter(site, filters, ['path', 'device']);
  const where = `${key.where} AND ${NAMES}`;
  const groupRows = windowRows(HISTOGRAMS, window, where, key.bindings);
  const groups = db.prepare(packed(groupRows.sql, 'name, path, device')).bind(...groupRows.bindings);
  if (!window.interval) return { groups: (await groups.all<GroupHistogram>()).results, series: undefined };
  const unfiltered = filters.path === undefined && filters.device === undefined;
  const periodRows = seriesRows(unfiltered ? SITE_HISTOGRAMS : HISTOGRAMS, window, where, key.bindings);
  const perPeriod = `SELECT ${bucketSql(window.interval)} AS period, name, bucket, count FROM (${periodRows.sql})`;
  const series = db.prepare(`${packed(perPeriod, 'period, name')} ORDER BY period`).bind(...periodRows.bindings);
  const [groupResults, seriesResults] = await db.batch([groups, series]);
  return {
    groups: groupResults!.results as GroupHistogram[],
    series: seriesResults!.results as PeriodHistogram[],
  };
};
