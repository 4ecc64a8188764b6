import { studentTQuantile } from './studentT';
import { wilson } from './wilson';

/** CES answers per score, 1 (very hard) to 7 (very easy). */
export interface CesCounts {
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  s6: number;
  s7: number;
}

/** CES with its mean and interval, and the share who agree that it was easy. */
export interface CesResult {
  n: number;
  /** Mean score, exact; null without answers. */
  mean: number | null;
  /** Sample standard deviation; null below two answers. */
  sd: number | null;
  /** 95 % interval of the mean from Student's t with n − 1 degrees of freedom, clipped to [1, 7]; null below two answers. */
  ci95: [number, number] | null;
  /** Answers of 5, 6 or 7: their count, their share in percent and its Wilson 95 % interval. */
  agree: { n: number; share: number | null; ci95: [number, number] | null };
  /** Answers per score, "1" to "7". */
  distribution: Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', number>;
}

/**
 * CES (README, HTTP API: stats) from counts per score, so the sums are exact integers: mean = Σ s·c/n, sample variance
 * (Σ s²·c − n·mean²)/(n − 1), interval mean ± t(0.975, n − 1)·sd/√n; Student's t rather than 1.96, which
 * would claim too much certainty for a handful of answers.
 */
export const ces = (counts: CesCounts): CesResult => {
  const perScore = [counts.s1, counts.s2, counts.s3, counts.s4, counts.s5, counts.s6, counts.s7];
  let n = 0;
  let sum = 0;
  let squares = 0;
  perScore.forEach((count, index) => {
    n += count;
    sum += count * (index + 1);
    squares += count * (index + 1) ** 2;
  });
  const agreeing = counts.s5 + counts.s6 + counts.s7;
  const agreeInterval = wilson(agreeing, n);
  const distribution = Object.fromEntries(
    perScore.map((count, index) => [index + 1, count]),
  ) as CesResult['distribution'];
  const agree = {
    n: agreeing,
    share: n ? (100 * agreeing) / n : null,
    ci95: agreeInterval && ([100 * agreeInterval[0], 100 * agreeInterval[1]] as [number, number]),
  };
  if (!n) return { n, mean: null, sd: null, ci95: null, agree, distribution };
  const mean = sum / n;
  if (n < 2) return { n, mean, sd: null, ci95: null, agree, distribution };
  // Integer sums first, then one division: no cancellation error from subtracting two large floats.
  const sd = Math.sqrt(Math.max(0, (n * squares - sum * sum) / (n * (n - 1))));
  const half = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { n, mean, sd, ci95: [Math.max(1, mean - half), Math.min(7, mean + half)], agree, distribution };
};
