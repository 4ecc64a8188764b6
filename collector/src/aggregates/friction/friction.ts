import { addCount } from '../../lib/addCount';
import { groupBy } from '../../lib/groupBy';
import { bucketWindow, type StatsWindow, stated } from '../window';
import type { ElementWords, FrictionRow } from './queries';
import type { ElementRow } from './signals';
import { FRICTION_SIGNALS, type FrictionSignal } from './signals';

/** A count and its rate per 100 page views (null without page views). */
export interface Rated {
  count: number;
  rate: number | null;
}

/**
 * How many clicks the rage clicks' bursts had, over the bursts whose clicks are known: every rage click stored since
 * the collector rolls them up (migration 0013), and those of the raw events still stored before.
 */
export interface RageClickBursts {
  /** Rage clicks whose clicks are known. */
  known: number;
  /** Clicks in those bursts. */
  clicks: number;
  /** Mean clicks per burst; null without a known burst. */
  clicksPerBurst: number | null;
}

/** Friction over a set of pages: page views and sessions, each signal, and all signals together. */
export interface FrictionSummary {
  pageviews: number;
  sessions: number;
  /** Every friction signal per 100 page views; null without page views. */
  rate: number | null;
  signals: Record<FrictionSignal, Rated>;
  rageClickBursts: RageClickBursts;
}

/** The rollup's rows beside `rage_click` that sum its bursts' clicks and count the bursts whose clicks are known. */
export const RAGE_CLICK_BURSTS = { clicks: 'rage_click.clicks', known: 'rage_click.bursts' } as const;

/** Events per 100 page views, or null when there were no page views. */
export const per100 = (count: number, pageviews: number): number | null =>
  pageviews ? (100 * count) / pageviews : null;

/** Summarises counts by type (`pageview`, `session` and the friction signals) into rates per 100 page views. */
export const summarizeFriction = (counts: ReadonlyMap<string, number>): FrictionSummary => {
  const pageviews = counts.get('pageview') ?? 0;
  let total = 0;
  const signals = {} as Record<FrictionSignal, Rated>;
  for (const signal of FRICTION_SIGNALS) {
    const count = counts.get(signal) ?? 0;
    total += count;
    signals[signal] = { count, rate: per100(count, pageviews) };
  }
  const known = counts.get(RAGE_CLICK_BURSTS.known) ?? 0;
  const clicks = counts.get(RAGE_CLICK_BURSTS.clicks) ?? 0;
  return {
    pageviews,
    sessions: counts.get('session') ?? 0,
    rate: per100(total, pageviews),
    signals,
    rageClickBursts: { known, clicks, clicksPerBurst: known ? clicks / known : null },
  };
};

/** How many of its visitors' own words each worst element lists. */
export const ELEMENT_VERBATIMS = 3;

/** Counts by type for each page, from the rollup's rows; the whole-site rows (path `*`) left out. */
export const countsByPage = (counts: FrictionRow[]) => {
  const pages = new Map<string, Map<string, number>>();
  for (const { path, type, count } of counts)
    if (path !== '*') addCount(pages.get(path) ?? pages.set(path, new Map()).get(path)!, type, count);
  return pages;
};

/**
 * The friction stats from the rollup's rows: the site's totals, each page worst first, the worst elements and, with
 * an interval, one summary per interval. Path `*` rows count sessions once across pages; they stand for the site's
 * sessions only while no path filter applies. Each worst element gets the latest `ELEMENT_VERBATIMS` free-text
 * answers (`words`, newest first) to surveys that a click problem on it raised.
 */
export const frictionStats = (
  window: StatsWindow,
  wholeSite: boolean,
  counts: FrictionRow[],
  elements: ElementRow[],
  words: ElementWords[],
  series: ({ bucket: number; whole: number } & Omit<FrictionRow, 'path'>)[] | undefined,
) => {
  const pages = countsByPage(counts);
  const site = new Map<string, number>();
  for (const byType of pages.values()) for (const [type, count] of byType) addCount(site, type, count);
  if (wholeSite) site.set('session', counts.find((row) => row.path === '*' && row.type === 'session')?.count ?? 0);
  const total = summarizeFriction(site);
  const interval = window.interval;
  return {
    ...stated(window),
    n: total.pageviews,
    ...total,
    pages: [...pages]
      .map(([path, byType]) => ({ path, ...summarizeFriction(byType) }))
      .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || b.pageviews - a.pageviews || a.path.localeCompare(b.path)),
    elements: elements.map((element) => ({
      ...element,
      verbatims: words
        .filter((answer) => answer.path === element.path && answer.target === element.target)
        .slice(0, ELEMENT_VERBATIMS)
        .map(({ text, ts }) => ({ text, time: new Date(ts).toISOString() })),
    })),
    series:
      series && interval
        ? [...groupBy(series, (row) => row.bucket)].map(([bucket, rows]) => {
            const byType = new Map<string, number>();
            for (const row of rows)
              if (row.type === 'session' ? Boolean(row.whole) === wholeSite : !row.whole)
                addCount(byType, row.type, row.count);
            const summary = summarizeFriction(byType);
            return { ...bucketWindow(bucket, { ...window, interval }), n: summary.pageviews, ...summary };
          })
        : undefined,
  };
};
