import { keyFilter, type RollupFilters } from '../rollupFilter';
import { bucketSql, type StatsWindow, windowMillis } from '../window';
import { type HourlyAndDaily, seriesRows, windowRows } from '../windowRows';
import type { ElementRow } from './signals';

/** A row of counts by path and type (`pageview`, `session`, or a friction signal); path `*` is the whole site. */
export interface FrictionRow {
  path: string;
  type: string;
  count: number;
}

/** Counts by path and type, per hour and per day. */
const COUNTS: HourlyAndDaily = { hourly: 'friction_hourly', daily: 'friction_daily', columns: 'path, type, count' };

/** Counts by element, per hour and per day. */
const ELEMENTS: HourlyAndDaily = {
  hourly: 'friction_elements',
  daily: 'friction_elements_daily',
  columns: 'path, target, type, count, label',
};

/** A free-text answer to a survey that a click problem on an element raised. */
export interface ElementWords {
  path: string;
  target: string;
  text: string;
  ts: number;
}

/** The newest free-text answers raised on elements that the stats look through for the worst elements' words. */
const WORDS_READ = 500;

/** How many elements the stats list, worst first. */
export const WORST_ELEMENTS = 10;

/**
 * The SQL that lists the window's worst elements by rage and dead clicks (then error clicks), at most
 * `WORST_ELEMENTS`, behind `where` (the site and any key columns, with their bindings). Reads rollup rows only.
 */
export const worstElements = (window: StatsWindow, where: string, bindings: readonly unknown[]) => {
  const rows = windowRows(ELEMENTS, window, where, bindings);
  return {
    sql: `SELECT path, target, MAX(label) AS label, SUM(count * (type = 'rage_click')) AS rage_click,
        SUM(count * (type = 'dead_click')) AS dead_click, SUM(count * (type = 'error_click')) AS error_click
      FROM (${rows.sql}) GROUP BY path, target
      ORDER BY rage_click + dead_click DESC, error_click DESC, path, target LIMIT ${WORST_ELEMENTS}`,
    bindings: rows.bindings,
  };
};

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
  const key = keyFilter(site, filters, ['path', 'device']);
  const byType = windowRows(COUNTS, window, key.where, key.bindings);
  const worst = worstElements(window, key.where, key.bindings);
  const statements = [
    db
      .prepare(`SELECT path, type, SUM(count) AS count FROM (${byType.sql}) GROUP BY path, type`)
      .bind(...byType.bindings),
    db.prepare(worst.sql).bind(...worst.bindings),
  ];
  if (window.interval) {
    const rows = seriesRows(COUNTS, window, key.where, key.bindings);
    statements.push(
      db
        .prepare(
          `SELECT ${bucketSql(window.interval)} AS bucket, path = '*' AS whole, type, SUM(count) AS count
           FROM (${rows.sql}) GROUP BY bucket, whole, type ORDER BY bucket`,
        )
        .bind(...rows.bindings),
    );
  }
  // Free-text answers of showings raised on an element (they carry its selector), newest first.
  statements.splice(
    2,
    0,
    db
      .prepare(
        `SELECT path, target, text, ts FROM events WHERE ${key.where} AND type = 'survey_answer' AND ts >= ? AND ts < ?
         AND kind = 'text' AND target IS NOT NULL ORDER BY ts DESC LIMIT ${WORDS_READ}`,
      )
      .bind(...key.bindings, ...windowMillis(window)),
  );
  const [counts, elements, words, series] = await db.batch(statements);
  return {
    counts: counts!.results as FrictionRow[],
    elements: elements!.results as ElementRow[],
    words: words!.results as ElementWords[],
    series: series?.results as ({ bucket: number; whole: number } & Omit<FrictionRow, 'path'>)[] | undefined,
  };
};
