import { describe, expect, it } from 'vitest';
import { ces } from '../src/aggregates/scores/ces';
import { csat } from '../src/aggregates/scores/csat';
import { studentTCdf, studentTQuantile } from '../src/aggregates/scores/studentT';
import { wilson } from '../src/aggregates/scores/wilson';

describe('wilson', () => {
  it('matches a worked example: 31 of 40', () => {
    // z² = 3.8416. centre = (31 + 1.9208)/43.8416 = 0.750903;
    // half = 1.96·√(31·9/40 + 0.9604)/43.8416 = 1.96·√7.9354/43.8416 = 1.96·2.816984/43.8416 = 0.125937.
    const [low, high] = wilson(31, 40)!;
    expect(low).toBeCloseTo(0.624966, 5);
    expect(high).toBeCloseTo(0.87684, 5);
  });

  it('stays inside [0, 1] at 0 % and 100 %, and is wide for one answer', () => {
    // 0 of 5: centre = 1.9208/8.8416 = 0.217246, half = 1.96·√0.9604/8.8416 = 0.217246, so [0, 0.434492].
    expect(wilson(0, 5)![0]).toBe(0);
    expect(wilson(0, 5)![1]).toBeCloseTo(0.434492, 5);
    expect(wilson(5, 5)![1]).toBe(1);
    expect(wilson(5, 5)![0]).toBeCloseTo(0.565508, 5);
    // 1 of 1: centre = 2.9208/4.8416 = 0.603272, half = 1.96·√0.9604/4.8416 = 0.396728, so [0.206544, 1].
    expect(wilson(1, 1)![0]).toBeCloseTo(0.206544, 5);
    expect(wilson(0, 0)).toBeNull();
  });
});

describe("Student's t", () => {
  it('gives the tabled 97.5 % quantiles', () => {
    const table: [number, number][] = [
      [1, 12.7062],
      [2, 4.3027],
      [3, 3.1824],
      [5, 2.5706],
      [11, 2.201],
      [30, 2.0423],
      [120, 1.9799],
    ];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df), `df ${df}`).toBeCloseTo(t, 3);
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
    expect(studentTQuantile(0.025, 11)).toBeCloseTo(-2.201, 3);
  });

  it('has a distribution function that is exact where a closed form exists', () => {
    // df = 1 is the Cauchy distribution: P(T ≤ t) = 1/2 + atan(t)/π.
    for (const t of [-3, -0.5, 0, 1, 7]) expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 10);
    // df = 2: P(T ≤ t) = 1/2 + t/(2·√(2 + t²)).
    for (const t of [-2, 0.3, 4]) expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 10);
  });
});

describe('csat', () => {
  it('matches a worked example: 40 answers, 31 satisfied', () => {
    // Scores 1×2, 2×3, 3×4, 4×11, 5×20: n = 40, satisfied = 11 + 20 = 31, score = 100·31/40 = 77.5,
    // Wilson interval as above: [62.4966, 87.6840].
    const result = csat({ s1: 2, s2: 3, s3: 4, s4: 11, s5: 20 });
    expect(result).toMatchObject({ n: 40, satisfied: 31, score: 77.5 });
    expect(result.ci95![0]).toBeCloseTo(62.4966, 3);
    expect(result.ci95![1]).toBeCloseTo(87.684, 3);
    expect(result.distribution).toEqual({ 1: 2, 2: 3, 3: 4, 4: 11, 5: 20 });
  });

  it('reports no score and no interval without answers', () => {
    expect(csat({ s1: 0, s2: 0, s3: 0, s4: 0, s5: 0 })).toMatchObject({ n: 0, satisfied: 0, score: null, ci95: null });
  });
});

describe('ces', () => {
  it('matches a worked example: 12 answers, mean 5.25', () => {
    // Scores 2, 3, 4, 5×3, 6×3, 7×3: n = 12, Σs = 63, mean = 5.25, Σs² = 4 + 9 + 16 + 75 + 108 + 147 = 359.
    // s² = (12·359 − 63²)/(12·11) = 339/132 = 2.568182, sd = 1.602555.
    // t(0.975, 11) = 2.200985, half = 2.200985·1.602555/√12 = 1.018215, ci = [4.231785, 6.268215].
    // Agree (5–7): 9 of 12 = 75 %, Wilson: centre 10.9208/15.8416 = 0.689375, half 1.96·√3.2104/15.8416 = 0.221685.
    const result = ces({ s1: 0, s2: 1, s3: 1, s4: 1, s5: 3, s6: 3, s7: 3 });
    expect(result.n).toBe(12);
    expect(result.mean).toBe(5.25);
    expect(result.sd).toBeCloseTo(1.602555, 5);
    expect(result.ci95![0]).toBeCloseTo(4.231785, 5);
    expect(result.ci95![1]).toBeCloseTo(6.268215, 5);
    expect(result.agree.n).toBe(9);
    expect(result.agree.share).toBe(75);
    expect(result.agree.ci95![0]).toBeCloseTo(46.769, 2);
    expect(result.agree.ci95![1]).toBeCloseTo(91.106, 2);
  });

  it("uses Student's t, not 1.96, for a handful of answers", () => {
    // 6 and 7: mean 6.5, sd = √0.5 = 0.707107, t(0.975, 1) = 12.7062, half = 12.7062·0.707107/√2 = 6.3531:
    // the interval [0.147, 12.853] is clipped to the scale, [1, 7]. With 1.96 it would have been [5.52, 7].
    const two = ces({ s1: 0, s2: 0, s3: 0, s4: 0, s5: 0, s6: 1, s7: 1 });
    expect(two.mean).toBe(6.5);
    expect(two.ci95).toEqual([1, 7]);
    // Five answers 3, 4, 4, 5, 6: mean 4.4, s² = (5·102 − 22²)/20 = 1.3, t(0.975, 4) = 2.776445,
    // half = 2.776445·√1.3/√5 = 2.776445·0.509902 = 1.415714.
    const five = ces({ s1: 0, s2: 0, s3: 1, s4: 2, s5: 1, s6: 1, s7: 0 });
    expect(five.ci95![0]).toBeCloseTo(4.4 - 1.415714, 5);
    expect(five.ci95![1]).toBeCloseTo(4.4 + 1.415714, 5);
  });

  it('gives a mean but no interval for one answer, and nothing for none', () => {
    expect(ces({ s1: 0, s2: 0, s3: 0, s4: 1, s5: 0, s6: 0, s7: 0 })).toMatchObject({
      n: 1,
      mean: 4,
      sd: null,
      ci95: null,
    });
    expect(ces({ s1: 0, s2: 0, s3: 0, s4: 0, s5: 0, s6: 0, s7: 0 })).toMatchObject({
      n: 0,
      mean: null,
      ci95: null,
      agree: { n: 0, share: null, ci95: null },
    });
  });
});
