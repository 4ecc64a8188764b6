/** Answers of an NPS question: promoters (9–10), passives (7–8), detractors (0–6). */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** An NPS with its sample size and 95 % interval. */
export interface NpsResult extends NpsCounts {
  n: number;
  /** 100·(P − D)/n, exact; null when there are no answers. */
  score: number | null;
  /** Adjusted-Wald 95 % interval, clipped to [−100, 100]; null when there are no answers. */
  ci95: [number, number] | null;
}

const Z = 1.96;

/**
 * NPS and its adjusted-Wald interval (SPEC §6): n' = n + 3, p' = (P + ¾)/n', d' = (D + ¾)/n',
 * se = √((p' + d' − (p' − d')²)/n'), ci = 100·((p' − d') ± 1.96·se).
 */
export const nps = ({ promoters, passives, detractors }: NpsCounts): NpsResult => {
  const n = promoters + passives + detractors;
  if (!n) return { n, promoters, passives, detractors, score: null, ci95: null };
  const adjusted = n + 3;
  const p = (promoters + 0.75) / adjusted;
  const d = (detractors + 0.75) / adjusted;
  const se = Math.sqrt((p + d - (p - d) ** 2) / adjusted);
  return {
    n,
    promoters,
    passives,
    detractors,
    score: (100 * (promoters - detractors)) / n,
    ci95: [Math.max(-100, 100 * (p - d - Z * se)), Math.min(100, 100 * (p - d + Z * se))],
  };
};
