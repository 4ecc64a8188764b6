import { type RollupFilters, rollupFilter } from './rollupFilter';
import { bucketSql, type StatsWindow } from './window';

/** Rollup tables whose counts the stats routes add up. Names are fixed here, never taken from a request. */
type RollupTable = 'nps_hourly' | 'csat_hourly' | 'ces_hourly' | 'ingest_hourly' | 'segment_scores_hourly';

/** The key columns a breakdown may group a rollup's sums by (`value`: a segment's, in `segment_scores_hourly`). */
export type Breakdown = 'device' | 'path' | 'value';

/** More conditions on the rollup's rows, with their bindings: the rows of one segment. */
export interface RollupWhere {
  where: string;
  bindings: (string | number)[];
}

/**
 * Sums counting columns of an hourly rollup table over a window, per interval when the window asks for a series,
 * and per value of `by` when a breakdown is asked for, over the rows `segment` selects too. Rows read grow with hours ×
 * paths × devices in the window, never with the number of events.
 */
export const sumRollup = async <Column extends string>(
  db: D1Database,
  table: RollupTable,
  columns: readonly Column[],
  site: string,
  window: StatsWindow,
  filters: RollupFilters,
  filterColumns: (keyof RollupFilters)[],
  by?: Breakdown,
  segment?: RollupWhere,
) => {
  type Sums = Record<Column, number>;
  const sums = columns.map((column) => `COALESCE(SUM(${column}), 0) AS ${column}`).join(', ');
  const filter = rollupFilter(site, window, filters, filterColumns);
  const where = segment ? `${filter.where} AND ${segment.where}` : filter.where;
  const bindings = segment ? [...filter.bindings, ...segment.bindings] : filter.bindings;
  const statements = [db.prepare(`SELECT ${sums} FROM ${table} WHERE ${where}`).bind(...bindings)];
  if (window.interval) {
    const bucket = bucketSql(window.interval);
    statements.push(
      db
        .prepare(`SELECT ${bucket} AS bucket, ${sums} FROM ${table} WHERE ${where} GROUP BY bucket ORDER BY bucket`)
        .bind(...bindings),
    );
  }
  if (by)
    statements.push(
      db
        .prepare(`SELECT ${by} AS value, ${sums} FROM ${table} WHERE ${where} GROUP BY ${by} ORDER BY ${by}`)
        .bind(...bindings),
    );
  const [total, ...more] = await db.batch<Record<string, number | string>>(statements);
  return {
    total: total!.results[0] as Sums,
    series: window.interval ? (more.shift()!.results as (Sums & { bucket: number })[]) : undefined,
    groups: by ? (more.shift()!.results as (Sums & { value: string })[]) : undefined,
  };
};
