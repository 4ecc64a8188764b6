import { z } from '@hono/zod-openapi';
import { errorResponse, READ_ERRORS } from '../schema/common';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Hours from the epoch (a Thursday) back to the Monday that starts its week. */
export const WEEK_OFFSET_HOURS = 3 * 24;

/** An ISO 8601 date (`2026-11-01`) or UTC or offset date-time (`2026-11-01T09:30:00Z`), and nothing looser. */
const ISO_8601 =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$/;
/** Epoch milliseconds: digits only. */
const EPOCH_MS = /^\d{1,16}$/;
/** The last instant accepted, the end of year 9999: every answer states its window as an ISO 8601 string. */
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A time given as an ISO 8601 date or date-time, or as milliseconds since the epoch, from 1970 to 9999. */
export const instant = z
  .string()
  .max(40)
  .refine(
    (value) => !Number.isNaN(toMillis(value)),
    'must be an ISO 8601 date or date-time, or epoch milliseconds, from 1970 to 9999',
  )
  .openapi({ example: '2026-11-01' });

/** The query every stats route takes. */
export const StatsQuerySchema = z.object({
  from: instant
    .optional()
    .openapi({ description: 'Start (inclusive), rounded down to the hour. Default: 30 days before `to`.' }),
  to: instant.optional().openapi({ description: 'End (exclusive), rounded up to the hour. Default: now.' }),
  path: z
    .string()
    .max(2048)
    .optional()
    .openapi({ description: 'Only this page; ids in it are normalised (`/orders/:id`).' }),
  survey: z.string().max(64).optional().openapi({ description: 'Only this survey.' }),
  device: z.enum(['mobile', 'tablet', 'desktop']).optional(),
  interval: z
    .enum(['hour', 'day', 'week'])
    .optional()
    .openapi({ description: 'Adds a series with one point per interval.' }),
});

/** The window a stats answer covers, always stated in the answer. */
export const WindowSchema = {
  from: z.string().openapi({ description: 'Start of the window (inclusive), ISO 8601.' }),
  to: z.string().openapi({ description: 'End of the window (exclusive), ISO 8601.' }),
};

/**
 * Milliseconds since the epoch of an `instant`, NaN when it is none. `Date.parse` alone is lenient: it reads
 * `-5` as 2001-05-01 and `March 7` as 2001-03-07.
 */
export const toMillis = (value: string): number => {
  const ms = EPOCH_MS.test(value) ? Number(value) : ISO_8601.test(value) ? Date.parse(value) : Number.NaN;
  return ms >= 0 && ms <= MAX_MS ? ms : Number.NaN;
};

/** A stats window in whole hours, which is what the rollups are keyed by. */
export interface StatsWindow {
  fromHour: number;
  toHour: number;
  interval?: 'hour' | 'day' | 'week';
}

/** Turns `from` and `to` into whole hours: `from` rounded down, `to` rounded up; the default is the last 30 days. */
export const windowOf = (
  query: { from?: string; to?: string; interval?: StatsWindow['interval'] },
  now = Date.now(),
): StatsWindow => {
  const to = query.to ? toMillis(query.to) : now;
  const from = query.from ? toMillis(query.from) : to - 30 * DAY;
  return {
    fromHour: Math.floor(from / HOUR),
    toHour: Math.max(Math.ceil(to / HOUR), Math.floor(from / HOUR)),
    interval: query.interval,
  };
};

/** The window in epoch milliseconds, start (inclusive) and end (exclusive), for queries on capture times. */
export const windowMillis = (window: StatsWindow): [number, number] => [window.fromHour * HOUR, window.toHour * HOUR];

/** The ISO 8601 time at the start of an hour. */
export const hourToIso = (hour: number): string => new Date(hour * HOUR).toISOString();

/** Hours per interval. */
const SPAN = { hour: 1, day: 24, week: 168 } as const;

/** The first hour of the interval that contains `hour` (weeks start on Monday, UTC). */
export const bucketStart = (hour: number, interval: keyof typeof SPAN): number => {
  const offset = interval === 'week' ? WEEK_OFFSET_HOURS : 0;
  return Math.floor((hour + offset) / SPAN[interval]) * SPAN[interval] - offset;
};

/** The SQL expression of `bucketStart` over an `hour` column, for GROUP BY (test/window.test.ts proves them equal). */
export const bucketSql = (interval: keyof typeof SPAN): string => {
  const offset = interval === 'week' ? WEEK_OFFSET_HOURS : 0;
  return `((hour + ${offset}) / ${SPAN[interval]}) * ${SPAN[interval]} - ${offset}`;
};

/** Each interval's window, clipped to the whole window. */
export const bucketWindow = (start: number, window: StatsWindow & { interval: keyof typeof SPAN }) => ({
  from: hourToIso(Math.max(start, window.fromHour)),
  to: hourToIso(Math.min(start + SPAN[window.interval], window.toHour)),
});

/** The stated window of an answer, ISO 8601. */
export const stated = (window: StatsWindow): Record<keyof typeof WindowSchema, string> => ({
  from: hourToIso(window.fromHour),
  to: hourToIso(window.toHour),
});

/** One point per interval, each with its own window, when the window asks for a series. */
export const seriesOf = <Counts extends object, Result>(
  window: StatsWindow,
  rows: (Counts & { bucket: number })[] | undefined,
  compute: (counts: Counts) => Result,
) => {
  const interval = window.interval;
  if (!rows || !interval) return undefined;
  return rows.map(({ bucket, ...counts }) => ({
    ...bucketWindow(bucket, { ...window, interval }),
    ...compute(counts as unknown as Counts),
  }));
};

/** The errors of a stats route that validates its query: a 400 naming the parameter, and the read key's. */
export const STATS_ERRORS = {
  400: errorResponse('A malformed query; the message names the parameter.'),
  ...READ_ERRORS,
};
