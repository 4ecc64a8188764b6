import { type RollupFilters, rollupFilter } from './rollupFilter';
import { bucketSql, type StatsWindow } from './window';

/** Rollup tables whose counts the stats routes add up. Names are fixed here, never taken from a request. */
type RollupTable = 'nps_hourly' | 'csat_hourly' | 'ces_hourly' | 'ingest_hourly';

/**
 * Sums counting columns of an hourly rollup table over a window, and per interval when the window asks for a
 * series. Rows read grow with hours × paths × devices in the window, never with the number of events.
 */
export const sumRollup = async <Column extends string>(
  db: D1Database,
  table: RollupTable,
  columns: readonly Column[],
  site: string,
  window: StatsWindow,
  filters: RollupFilters,
  filterColumns: (keyof RollupFilters)[],
) => {
  type Sums = Record<Column, number>;
  const sums = columns.map((column) => `COALESCE(SUM(${column}), 0) AS ${column}`).join(', ');
  const { where, bindings } = rollupFilter(site, window, filters, filterColumns);
  const total = db.prepare(`SELECT ${sums} FROM ${table} WHERE ${where}`).bind(...bindings);
  if (!window.interval) return { total: (await total.first<Sums>())!, series: undefined };
  const bucket = bucketSql(window.interval);
  const series = db
    .prepare(`SELECT ${bucket} AS bucket, ${sums} FROM ${table} WHERE ${where} GROUP BY bucket ORDER BY bucket`)
    .bind(...bindings);
  const [totalRows, seriesRows] = await db.batch<Sums & { bucket: number }>([total, series]);
  return { total: totalRows!.results[0]! as Sums, series: seriesRows!.results };
};
