import type { NpsCounts } from './nps';

const Z = 1.96;

/** The adjusted-Wald estimate of an NPS as a proportion difference, p' − d', and its variance (see `nps`). */
const adjusted = ({ promoters, passives, detractors }: NpsCounts) => {
  const n = promoters + passives + detractors + 3;
  const p = (promoters + 0.75) / n;
  const d = (detractors + 0.75) / n;
  return { estimate: p - d, variance: (p + d - (p - d) ** 2) / n };
};

/**
 * The 95 % interval of a difference of two NPS, in points: the difference of their adjusted-Wald estimates with
 * their variances added, 100·((e1 − e2) ± 1.96·√(v1 + v2)), clipped to [−200, 200]. Null when either side has no
 * answers.
 */
export const npsDifference = (first: NpsCounts, second: NpsCounts): [number, number] | null => {
  const size = (counts: NpsCounts) => counts.promoters + counts.passives + counts.detractors;
  if (!size(first) || !size(second)) return null;
  const a = adjusted(first);
  const b = adjusted(second);
  const half = Z * Math.sqrt(a.variance + b.variance);
  const difference = a.estimate - b.estimate;
  return [Math.max(-200, 100 * (difference - half)), Math.min(200, 100 * (difference + half))];
};
