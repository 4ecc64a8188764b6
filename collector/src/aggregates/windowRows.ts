import type { StatsWindow } from './window';

/** A rollup kept both per hour and per day, by its two tables and the columns a query reads. */
export interface HourlyAndDaily {
  hourly: string;
  daily: string;
  columns: string;
}

/**
 * The SQL that lists a window's rows of a rollup kept per hour and per day, each with its `hour` (a daily row at its
 * day's first hour): whole days from the daily table, the hours at either edge from the hourly one. Each part is a
 * range of its own behind `where` (the site and any key columns before the time, with their bindings), so D1 seeks
 * to it: the rows read grow with the days and edge hours in the window, never with the history outside it.
 */
export const windowRows = (
  { hourly, daily, columns }: HourlyAndDaily,
  window: StatsWindow,
  where: string,
  bindings: readonly unknown[],
): { sql: string; bindings: unknown[] } => {
  const firstDay = Math.ceil(window.fromHour / 24);
  const lastDay = Math.max(firstDay, Math.floor(window.toHour / 24));
  // Without a whole day inside the window, every hour comes from the hourly rows.
  const [fromDay, toDay, edges] =
    lastDay > firstDay
      ? [firstDay, lastDay, [window.fromHour, firstDay * 24, lastDay * 24, window.toHour]]
      : [firstDay, firstDay, [window.fromHour, window.toHour, window.toHour, window.toHour]];
  return {
    sql: `SELECT day * 24 AS hour, ${columns} FROM ${daily} WHERE ${where} AND day >= ? AND day < ?
      UNION ALL SELECT hour, ${columns} FROM ${hourly} WHERE ${where} AND hour >= ? AND hour < ?
      UNION ALL SELECT hour, ${columns} FROM ${hourly} WHERE ${where} AND hour >= ? AND hour < ?`,
    bindings: [
      ...[...bindings, fromDay, toDay],
      ...[...bindings, edges[0], edges[1]],
      ...[...bindings, edges[2], edges[3]],
    ],
  };
};

/**
 * The SQL that lists the rows a series over the window reads: by the hour, the hourly rows alone (a day's row cannot
 * be split into hours); by the day or week, the same rows as `windowRows`.
 */
export const seriesRows = (
  table: HourlyAndDaily,
  window: StatsWindow,
  where: string,
  bindings: readonly unknown[],
): { sql: string; bindings: unknown[] } =>
  window.interval === 'hour'
    ? {
        sql: `SELECT hour, ${table.columns} FROM ${table.hourly} WHERE ${where} AND hour >= ? AND hour < ?`,
        bindings: [...bindings, window.fromHour, window.toHour],
      }
    : windowRows(table, window, where, bindings);
