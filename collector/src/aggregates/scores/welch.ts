import { studentTQuantile } from './studentT';

/** A mean with its sample size and sample standard deviation. */
export interface MeanSample {
  n: number;
  mean: number | null;
  sd: number | null;
}

/**
 * Welch's 95 % interval for a difference of two means, which assumes no equal variances: se = √(s1²/n1 + s2²/n2),
 * with Welch–Satterthwaite degrees of freedom (s1²/n1 + s2²/n2)² / ((s1²/n1)²/(n1 − 1) + (s2²/n2)²/(n2 − 1)), and
 * (m1 − m2) ± t(0.975, df)·se. Null unless each side has at least two answers; a point when both vary by nothing.
 */
export const welch = (first: MeanSample, second: MeanSample): [number, number] | null => {
  if (first.n < 2 || second.n < 2 || first.sd === null || second.sd === null) return null;
  const difference = first.mean! - second.mean!;
  const v1 = first.sd ** 2 / first.n;
  const v2 = second.sd ** 2 / second.n;
  const se = Math.sqrt(v1 + v2);
  if (!se) return [difference, difference];
  const df = (v1 + v2) ** 2 / (v1 ** 2 / (first.n - 1) + v2 ** 2 / (second.n - 1));
  const half = studentTQuantile(0.975, df) * se;
  return [difference - half, difference + half];
};
