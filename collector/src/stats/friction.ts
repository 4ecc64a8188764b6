import type { ElementTarget, FrictionSignal as ProtocolSignal, PulseEvent } from '@pulse/sdk/protocol';
import type { Agrees, Same } from '../schema/same';

/**
 * The friction signals the collector counts, in the order the stats list them: the protocol's `FrictionSignal` as a
 * list (proven equal below), which the schemas, the stats, the dashboard and the rollup triggers' test read.
 */
export const FRICTION_SIGNALS = [
  'rage_click',
  'dead_click',
  'error_click',
  'js_error',
  'form_abandon',
  'quick_back',
  'excessive_scroll',
] as const;

/** One friction signal. */
export type FrictionSignal = (typeof FRICTION_SIGNALS)[number];

/** The signals made on an element, which the worst-elements rollup counts per selector. */
export const ELEMENT_SIGNALS = ['rage_click', 'dead_click', 'error_click'] as const;

/** One signal made on an element. */
export type ElementSignal = (typeof ELEMENT_SIGNALS)[number];

/** Compiles only while both lists name exactly the protocol's signals. */
export type SignalsMatchProtocol = Agrees<
  [Same<FrictionSignal, ProtocolSignal>, Same<ElementSignal, Extract<PulseEvent, ElementTarget>['type']>] extends [
    true,
    true,
  ]
    ? true
    : false
>;

/** A count and its rate per 100 page views (null without page views). */
export interface Rated {
  count: number;
  rate: number | null;
}

/** Friction over a set of pages: page views and sessions, each signal, and all signals together. */
export interface FrictionSummary {
  pageviews: number;
  sessions: number;
  /** Every friction signal per 100 page views; null without page views. */
  rate: number | null;
  signals: Record<FrictionSignal, Rated>;
}

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
  return { pageviews, sessions: counts.get('session') ?? 0, rate: per100(total, pageviews), signals };
};
