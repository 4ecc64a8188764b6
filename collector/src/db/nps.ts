import type { NpsCounts } from '../stats/nps';
import { bucketSql, type StatsWindow } from '../stats/window';
import { type RollupFilters, rollupFilter } from './rollupFilter';

const SUMS =
  'COALESCE(SUM(promoters), 0) AS promoters, COALESCE(SUM(passives), 0) AS passives, COALESCE(SUM(detractors), 0) AS detractors';

/** NPS counts over a window, and per interval when the window asks for a series. */
export const npsCounts = async (db: D1Database, site: string, window: StatsWindow, filters: RollupFilters) => {
  const { where, bindings } = rollupFilter(site, window, filters, ['survey', 'path', 'device']);
  const total = db.prepare(`SELECT ${SUMS} FROM nps_hourly WHERE ${where}`).bind(...bindings);
  if (!window.interval) return { total: (await total.first<NpsCounts>())!, series: undefined };
  const bucket = bucketSql(window.interval);
  const series = db
    .prepare(`SELECT ${bucket} AS bucket, ${SUMS} FROM nps_hourly WHERE ${where} GROUP BY bucket ORDER BY bucket`)
    .bind(...bindings);
  const [totalRows, seriesRows] = await db.batch<NpsCounts & { bucket: number }>([total, series]);
  return { total: totalRows!.results[0]!, series: seriesRows!.results };
};
