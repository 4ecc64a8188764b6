import type { VitalName } from '@pulse/sdk/protocol';
import { VITAL_BUCKETS, VITAL_THRESHOLDS } from './vitalBuckets';

/** How a value compares with a vital's thresholds (web.dev's names). */
export type Rating = 'good' | 'needs-improvement' | 'poor';

/** A vital over a set of metric records: its 75th percentile and the share of records in each rating. */
export interface VitalSummary {
  /** Metric records counted. */
  n: number;
  /** The 75th percentile, its bucket's geometric midpoint (within 5 % of the exact value); null when n = 0. */
  p75: number | null;
  /** The rating of the p75; null when n = 0. */
  rating: Rating | null;
  /** Shares of records rated good, needs improvement and poor, each from 0 to 1 (exact: thresholds are bucket edges). */
  good: number;
  needsImprovement: number;
  poor: number;
}

/** Rates a value against a vital's thresholds: good up to and including the first, poor above the second. */
export const rate = (name: VitalName, value: number): Rating => {
  const [good, poor] = VITAL_THRESHOLDS[name];
  return value <= good ? 'good' : value <= poor ? 'needs-improvement' : 'poor';
};

/**
 * Summarises a histogram of a vital, given as counts by bucket index. The p75 is found as the first bucket
 * whose cumulative count reaches 0.75·n, and read at its geometric midpoint √(lo·hi): every value in a bucket of
 * ratio 1.1 is within 4.9 % of it. Zeros stay zero, a p75 at or below the smallest edge is that edge, and a p75 in
 * the overflow bucket is reported as the overflow's lower bound.
 */
export const summarize = (name: VitalName, counts: ReadonlyMap<number, number>): VitalSummary => {
  const buckets = VITAL_BUCKETS[name];
  const [goodAt, poorAt] = VITAL_THRESHOLDS[name];
  let n = 0;
  let good = 0;
  let poor = 0;
  for (const [index, count] of counts) {
    const bucket = buckets[index];
    if (!bucket || count <= 0) continue;
    n += count;
    if (bucket.hi <= goodAt) good += count;
    else if (bucket.lo >= poorAt) poor += count;
  }
  if (!n) return { n, p75: null, rating: null, good: 0, needsImprovement: 0, poor: 0 };
  const target = 0.75 * n;
  let below = 0;
  let p75 = 0;
  for (const bucket of buckets) {
    const count = counts.get(bucket.bucket) ?? 0;
    if (count <= 0) continue;
    if (below + count >= target) {
      const overflow = bucket.bucket === buckets.length - 1;
      p75 = overflow ? bucket.lo : bucket.lo ? Math.sqrt(bucket.lo * bucket.hi) : bucket.hi;
      break;
    }
    below += count;
  }
  return { n, p75, rating: rate(name, p75), good: good / n, needsImprovement: (n - good - poor) / n, poor: poor / n };
};
