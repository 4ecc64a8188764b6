import { describe, expect, it } from 'vitest';
import { rate, summarize } from '../src/aggregates/vitals/histogram';
import { VITAL_BUCKETS } from '../src/aggregates/vitals/vitalBuckets';

/** The index of the bucket that holds a value: the first whose upper bound reaches it. */
const bucketOf = (name: keyof typeof VITAL_BUCKETS, value: number) =>
  VITAL_BUCKETS[name].find((bucket) => bucket.hi >= value)!.bucket;

describe('summarize', () => {
  it('reads the p75 at the geometric midpoint of its bucket: a worked example', () => {
    // Four LCP records: 1000, 2000, 2500 (good) and 5000 ms (poor). 0.75 · 4 = 3: the third record's bucket,
    // (2275.103, 2500], so p75 is √(2275.103 · 2500) = 2384.90…, within 5 % of the exact 2500, and still good.
    const counts = new Map<number, number>();
    for (const value of [1000, 2000, 2500, 5000])
      counts.set(bucketOf('LCP', value), (counts.get(bucketOf('LCP', value)) ?? 0) + 1);
    const summary = summarize('LCP', counts);
    expect(summary).toEqual({
      n: 4,
      p75: Math.sqrt(2275.103 * 2500),
      rating: 'good',
      good: 0.75,
      needsImprovement: 0,
      poor: 0.25,
    });
    expect(summary.p75).toBeCloseTo(2384.902, 3);
  });

  it('keeps zeros at zero and reports an overflow by its lower bound', () => {
    expect(summarize('CLS', new Map([[0, 10]]))).toMatchObject({ n: 10, p75: 0, rating: 'good', good: 1 });
    const overflow = VITAL_BUCKETS.INP.length - 1;
    expect(summarize('INP', new Map([[overflow, 3]]))).toMatchObject({ p75: 60_000, rating: 'poor', poor: 1 });
  });

  it('reports nothing without records', () => {
    expect(summarize('FCP', new Map())).toEqual({
      n: 0,
      p75: null,
      rating: null,
      good: 0,
      needsImprovement: 0,
      poor: 0,
    });
  });
});

describe('rate', () => {
  it('rates a threshold value as the better side, as web-vitals does', () => {
    expect([rate('LCP', 2500), rate('LCP', 2500.1), rate('LCP', 4000), rate('LCP', 4000.1)]).toEqual([
      'good',
      'needs-improvement',
      'needs-improvement',
      'poor',
    ]);
    expect([rate('CLS', 0.1), rate('CLS', 0.25), rate('CLS', 0.26)]).toEqual(['good', 'needs-improvement', 'poor']);
  });
});
