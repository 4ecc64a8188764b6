import { describe, expect, it } from 'vitest';
import { NPS_COLUMNS, nps, npsClass, npsClasses } from '../src/aggregates/scores/nps';

describe('nps', () => {
  it('matches a worked example: 37 answers, 20 promoters, 9 passives, 8 detractors', () => {
    // By hand: score = 100·(20 − 8)/37 = 32.43. n' = 40, p' = 20.75/40 = 0.51875, d' = 8.75/40 = 0.21875,
    // se = √((0.7375 − 0.3²)/40) = √0.0161875 = 0.127230, ci = 100·(0.3 ± 1.96·0.127230) = [5.063, 54.937].
    const result = nps({ promoters: 20, passives: 9, detractors: 8 });
    expect(result.n).toBe(37);
    expect(result.score).toBeCloseTo(32.432432, 5);
    expect(result.ci95![0]).toBeCloseTo(5.0629, 3);
    expect(result.ci95![1]).toBeCloseTo(54.9371, 3);
  });

  it('clips the interval to [−100, 100] at the extremes', () => {
    // 5 promoters: p' = 5.75/8, d' = 0.75/8, p' − d' = 0.625, se = 0.22964, upper 107.5 → 100.
    const all = nps({ promoters: 5, passives: 0, detractors: 0 });
    expect(all.score).toBe(100);
    expect(all.ci95![0]).toBeCloseTo(17.4906, 3);
    expect(all.ci95![1]).toBe(100);
    const none = nps({ promoters: 0, passives: 0, detractors: 3 });
    expect(none.score).toBe(-100);
    expect(none.ci95![0]).toBe(-100);
    expect(none.ci95![1]).toBeCloseTo(6.5803, 3);
  });

  it('stays honest for a single answer: a wide interval, not a certainty', () => {
    const one = nps({ promoters: 1, passives: 0, detractors: 0 });
    expect(one.score).toBe(100);
    expect(one.ci95).toEqual([-48.5, 98.5].map((value) => expect.closeTo(value, 6)));
  });

  it('reports no score and no interval without answers', () => {
    expect(nps({ promoters: 0, passives: 0, detractors: 0 })).toEqual({
      n: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      score: null,
      ci95: null,
    });
  });
});

describe('npsClasses', () => {
  it('classes 9 and 10 as promoters, 7 and 8 as passives, 0 to 6 as detractors, and adds the legacy counts', () => {
    expect(Array.from({ length: 11 }, (_, score) => npsClass(score))).toEqual([
      ...Array(7).fill('detractors'),
      'passives',
      'passives',
      'promoters',
      'promoters',
    ]);
    const scores = Object.fromEntries(NPS_COLUMNS.map((column) => [column, 0])) as Parameters<typeof npsClasses>[0];
    Object.assign(scores, { s0: 1, s6: 2, s7: 3, s8: 4, s9: 5, s10: 6, legacy_promoters: 1, legacy_detractors: 2 });
    expect(npsClasses(scores)).toEqual({
      promoters: 12,
      passives: 7,
      detractors: 5,
      distribution: { 0: 1, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 2, 7: 3, 8: 4, 9: 5, 10: 6 },
    });
  });
});
