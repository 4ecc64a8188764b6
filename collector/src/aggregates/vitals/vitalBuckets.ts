import type { VitalName } from '@pulse/sdk/protocol';

/** Good and poor thresholds of each web vital (web.dev): good up to and including the first, poor above the second. */
export const VITAL_THRESHOLDS: Record<VitalName, readonly [good: number, poor: number]> = {
  LCP: [2500, 4000],
  INP: [200, 500],
  CLS: [0.1, 0.25],
  FCP: [1800, 3000],
  TTFB: [800, 1800],
};

/** Where each vital's histogram starts and ends: values above the end share one overflow bucket. */
const RANGE: Record<VitalName, readonly [smallest: number, largest: number]> = {
  LCP: [1, 120_000],
  INP: [1, 60_000],
  CLS: [0.0001, 100],
  FCP: [1, 120_000],
  TTFB: [1, 120_000],
};

/**
 * The widest ratio between a bucket's bounds: read at its geometric midpoint, a value in it is known within
 * √1.1 − 1 ≈ 4.9 %. Finer buckets would be more rows for the stats to add up, for nothing the 5 % promise needs.
 */
export const BUCKET_RATIO = 1.1;

/** One histogram bucket: the values above `lo` up to and including `hi`. */
export interface VitalBucket {
  bucket: number;
  lo: number;
  hi: number;
}

/** A bound short enough to store and compare exactly, and still within 0.0001 % of the geometric one. */
const round = (value: number) => Number(value.toPrecision(7));

/** The largest value the write path accepts (`vital.value`), the upper bound of the overflow bucket. */
export const OVERFLOW = 3_600_000;

/**
 * The buckets of a vital: bucket 0 holds exact zeros, then log buckets of ratio at most `BUCKET_RATIO` from the smallest
 * value up to the largest, whose edges include both thresholds exactly (so good / needs-improvement / poor
 * shares are exact), then one overflow bucket up to the largest value the write path accepts.
 * Migration 0019 stores the same buckets in `vital_buckets`; a test checks that the two agree.
 */
export const vitalBuckets = (name: VitalName): VitalBucket[] => {
  const [smallest, largest] = RANGE[name];
  const anchors = [smallest, ...VITAL_THRESHOLDS[name], largest];
  const edges = [0, smallest];
  for (let i = 1; i < anchors.length; i++) {
    const lo = anchors[i - 1]!;
    const hi = anchors[i]!;
    const steps = Math.ceil(Math.log(hi / lo) / Math.log(BUCKET_RATIO) - 1e-9);
    for (let step = 1; step < steps; step++) edges.push(round(lo * (hi / lo) ** (step / steps)));
    edges.push(hi);
  }
  edges.push(OVERFLOW);
  return edges.map((hi, bucket) => ({ bucket, lo: bucket ? edges[bucket - 1]! : 0, hi }));
};

/** Every vital's buckets, by name. */
export const VITAL_BUCKETS: Record<VitalName, VitalBucket[]> = {
  LCP: vitalBuckets('LCP'),
  INP: vitalBuckets('INP'),
  CLS: vitalBuckets('CLS'),
  FCP: vitalBuckets('FCP'),
  TTFB: vitalBuckets('TTFB'),
};
