import type { Query } from './api';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The preset date ranges, by their length in hours. */
export const RANGES = { '24h': 24, '7d': 7 * 24, '30d': 30 * 24, '90d': 90 * 24 } as const;

/** A preset range, or `custom` (from and to are then UTC dates, both included). */
export type Range = keyof typeof RANGES | 'custom';

/** The device classes the SDK reports. */
export const DEVICES = ['mobile', 'tablet', 'desktop'] as const;

/** What every section is filtered by. */
export interface Filters {
  range: Range;
  /** `YYYY-MM-DD`, for a custom range. */
  from: string;
  to: string;
  /** A page path (ids are normalised by the collector), or empty for every page. */
  path: string;
  device: '' | (typeof DEVICES)[number];
}

/** The window and series interval a set of filters asks for, in the stats API's terms. */
export interface Window {
  from: string;
  to: string;
  interval: 'hour' | 'day' | 'week';
}

const isRange = (value: string | null): value is Range => value === 'custom' || (value ?? '') in RANGES;
const isDevice = (value: string | null): value is Filters['device'] =>
  (DEVICES as readonly (string | null)[]).includes(value);
const isDate = (value: string | null): value is string => /^\d{4}-\d{2}-\d{2}$/.test(value ?? '');

/** `YYYY-MM-DD` of a time, in UTC. */
export const utcDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

/**
 * The filters in the page's URL (never the key), with defaults for what is missing: the last 30 days, the API's
 * own default window, and every page.
 */
export const filtersFromUrl = (search = location.search, now = Date.now()): Filters => {
  const params = new URLSearchParams(search);
  const range = params.get('range');
  const from = params.get('from');
  const to = params.get('to');
  const device = params.get('device');
  return {
    range: isRange(range) ? range : '30d',
    from: isDate(from) ? from : utcDate(now - 30 * DAY),
    to: isDate(to) ? to : utcDate(now),
    path: params.get('path') ?? '',
    device: isDevice(device) ? device : '',
  };
};

/** Writes the filters into the URL, beside `site`, so that a reload or a shared link shows the same view. */
export const filtersToUrl = (filters: Filters, site: string): void => {
  const params = new URLSearchParams({ site, range: filters.range });
  if (filters.range === 'custom') {
    params.set('from', filters.from);
    params.set('to', filters.to);
  }
  if (filters.path) params.set('path', filters.path);
  if (filters.device) params.set('device', filters.device);
  history.replaceState(null, '', `${location.pathname}?${params}`);
};

/** The window of the filters, at `now`: whole hours, so that every section reads the same hours. */
export const windowOf = (filters: Filters, now = Date.now()): Window => {
  let from: number;
  let to: number;
  if (filters.range === 'custom') {
    from = Date.parse(filters.from);
    to = Date.parse(filters.to) + DAY;
    if (!(to > from)) [from, to] = [to - DAY, from + DAY];
  } else {
    to = Math.ceil(now / HOUR) * HOUR;
    from = to - RANGES[filters.range] * HOUR;
  }
  const hours = (to - from) / HOUR;
  const interval = hours <= 48 ? 'hour' : hours <= 120 * 24 ? 'day' : 'week';
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), interval };
};

/** The stats query of a window and the filters: `path` and `device` only when set. */
export const statsQuery = (window: Window, filters: Filters): Query => ({
  from: window.from,
  to: window.to,
  interval: window.interval,
  path: filters.path || undefined,
  device: filters.device || undefined,
});

const MONDAY_OFFSET = 3 * DAY; // The epoch was a Thursday: weeks start on Monday, UTC, as the stats API's do.

/** The start of every series bucket of a window, as the stats API states them (the first clipped to the window). */
export const bucketStarts = (window: Window): string[] => {
  const end = Date.parse(window.to);
  const starts: string[] = [];
  let time = Date.parse(window.from);
  while (time < end && starts.length < 2000) {
    starts.push(new Date(time).toISOString());
    if (window.interval === 'hour') time = Math.floor(time / HOUR) * HOUR + HOUR;
    else if (window.interval === 'day') time = Math.floor(time / DAY) * DAY + DAY;
    else time = Math.floor((time + MONDAY_OFFSET) / (7 * DAY)) * 7 * DAY - MONDAY_OFFSET + 7 * DAY;
  }
  return starts;
};
