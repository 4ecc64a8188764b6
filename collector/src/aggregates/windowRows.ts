import { type StatsWindow, WEEK_OFFSET_HOURS } from './window';

/**
 * A rollup kept per hour and per day, and optionally per week (weeks starting on Monday, `week` numbered as
 * `(hour + WEEK_OFFSET_HOURS) / 168`), by its tables and the columns a query reads.
 */
export interface HourlyAndDaily {
  hourly: string;
  daily: string;
  weekly?: string;
  columns: string;
}

/** One range of a rollup level: the SQL of its rows, each with its `hour`, and the range's first and last unit. */
interface Part {
  select: string;
  from: number;
  to: number;
}

/**
 * The SQL that lists a window's rows of a rollup, each with its `hour` (a daily or weekly row at its first hour):
 * whole weeks from the weekly table when there is one, the whole days around them from the daily table, and the
 * hours at either edge from the hourly one. Each part is a range of its own behind `where` (the site and any key
 * columns before the time, with their bindings), so D1 seeks to it: the rows read grow with the weeks, edge days and
 * edge hours in the window, never with the history outside it.
 */
export const windowRows = (
  { hourly, daily, weekly, columns }: HourlyAndDaily,
  window: StatsWindow,
  where: string,
  bindings: readonly unknown[],
): { sql: string; bindings: unknown[] } => {
  const hours = (from: number, to: number): Part => ({
    select: `SELECT hour, ${columns} FROM ${hourly} WHERE ${where} AND hour >= ? AND hour < ?`,
    from,
    to,
  });
  const days = (from: number, to: number): Part => ({
    select: `SELECT day * 24 AS hour, ${columns} FROM ${daily} WHERE ${where} AND day >= ? AND day < ?`,
    from,
    to,
  });
  const firstDay = Math.ceil(window.fromHour / 24);
  const lastDay = Math.floor(window.toHour / 24);
  // Without a whole day inside the window, every hour comes from the hourly rows.
  let parts = [hours(window.fromHour, window.toHour)];
  if (lastDay > firstDay) {
    const offsetDays = WEEK_OFFSET_HOURS / 24;
    const firstWeek = Math.ceil((firstDay + offsetDays) / 7);
    const lastWeek = Math.floor((lastDay + offsetDays) / 7);
    const edges = [hours(window.fromHour, firstDay * 24), hours(lastDay * 24, window.toHour)];
    parts =
      weekly && lastWeek > firstWeek
        ? [
            {
              select: `SELECT week * 168 - ${WEEK_OFFSET_HOURS} AS hour, ${columns} FROM ${weekly}
                WHERE ${where} AND week >= ? AND week < ?`,
              from: firstWeek,
              to: lastWeek,
            },
            days(firstDay, firstWeek * 7 - offsetDays),
            days(lastWeek * 7 - offsetDays, lastDay),
            ...edges,
          ]
        : [days(firstDay, lastDay), ...edges];
  }
  return {
    sql: parts.map((part) => part.select).join('\n      UNION ALL '),
    bindings: parts.flatMap((part) => [...bindings, part.from, part.to]),
  };
};

/**
 * The SQL that lists the rows a series over the window reads: by the hour, the hourly rows alone (a day's row cannot
 * be split into hours); by the day or week, the daily and hourly rows as `windowRows` reads them (a week's row could
 * not be split into days).
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
    : windowRows({ ...table, weekly: undefined }, window, where, bindings);
