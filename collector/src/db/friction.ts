import { bucketSql, type StatsWindow } from '../stats/window';
import { type RollupFilters, rollupFilter } from './rollupFilter';

/** A row of counts by path and type (`pageview`, `session`, or a friction signal); path `*` is the whole site. */
export interface FrictionRow {
  path: string;
  type: string;
  count: number;
}

/** Rage, dead and error clicks on one element of one page. */
export interface ElementRow {
  path: string;
  target: string;
  label: string | null;
  rage_click: number;
  dead_click: number;
  error_click: number;
}

/** How many elements the stats list, worst first. */
export const WORST_ELEMENTS = 10;

/**
 * Friction counts over a window by path and type, the worst elements by rage and dead clicks, and with
 * `interval` the counts per interval (`whole` marks the whole-site rows). Reads rollup rows only.
 */
export const frictionCounts = async (
  db: D1Database,
  site: string,
  window: StatsWindow,
  filters: Pick<RollupFilters, 'path' | 'device'>,
) => {
  const { where, bindings } = rollupFilter(site, window, filters, ['path', 'device']);
  const statements = [
    db
      .prepare(`SELECT path, type, SUM(count) AS count FROM friction_hourly WHERE ${where} GROUP BY path, type`)
      .bind(...bindings),
    db
      .prepare(
        `SELECT path, target, MAX(label) AS label, SUM(count * (type = 'rage_click')) AS rage_click,
           SUM(count * (type = 'dead_click')) AS dead_click, SUM(count * (type = 'error_click')) AS error_click
         FROM friction_elements WHERE ${where} GROUP BY path, target
         ORDER BY rage_click + dead_click DESC, error_click DESC, path, target LIMIT ${WORST_ELEMENTS}`,
      )
      .bind(...bindings),
  ];
  if (window.interval)
    statements.push(
      db
        .prepare(
          `SELECT ${bucketSql(window.interval)} AS bucket, path = '*' AS whole, type, SUM(count) AS count
           FROM friction_hourly WHERE ${where} GROUP BY bucket, whole, type ORDER BY bucket`,
        )
        .bind(...bindings),
    );
  const [counts, elements, series] = await db.batch(statements);
  return {
    counts: counts!.results as FrictionRow[],
    elements: elements!.results as ElementRow[],
    series: series?.results as ({ bucket: number; whole: number } & Omit<FrictionRow, 'path'>)[] | undefined,
  };
};
