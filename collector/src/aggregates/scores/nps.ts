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

/** The rollup's columns: answers per score, s0 to s10, and those an earlier rollup kept by class only. */
export const NPS_COLUMNS = [
  's0',
  's1',
  's2',
  's3',
  's4',
  's5',
  's6',
  's7',
  's8',
  's9',
  's10',
  'legacy_promoters',
  'legacy_passives',
  'legacy_detractors',
] as const;

/**
 * NPS answers per score, and those rolled up by class before per-score counts whose raw events retention had
 * already deleted (migration 0007): their class is known, their score is not.
 */
export type NpsScoreCounts = Record<(typeof NPS_COLUMNS)[number], number>;

/** The class of an NPS answer: 9 and 10 promote, 7 and 8 are passive, 0 to 6 detract. */
export const npsClass = (score: number): keyof NpsCounts =>
  score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors';

/** Answers per score, "0" to "10". */
export type NpsDistribution = Record<string, number>;

/** Classes the answers per score: the NPS rule lives here, not in SQL. */
export const npsClasses = (scores: NpsScoreCounts): NpsCounts & { distribution: NpsDistribution } => {
  const counts = {
    promoters: scores.legacy_promoters,
    passives: scores.legacy_passives,
    detractors: scores.legacy_detractors,
  };
  const distribution: NpsDistribution = {};
  for (let score = 0; score <= 10; score++) {
    const count = scores[`s${score}` as keyof NpsScoreCounts];
    counts[npsClass(score)] += count;
    distribution[score] = count;
  }
  return { ...counts, distribution };
};

/**
 * NPS and its adjusted-Wald interval (README, HTTP API: stats): n' = n + 3, p' = (P + ¾)/n', d' = (D + ¾)/n',
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

/** NPS from the rollup's answers per score: the classes, the score and its interval, and the answers per score. */
export const npsOfScores = (scores: NpsScoreCounts): NpsResult & { distribution: NpsDistribution } => {
  const { distribution, ...counts } = npsClasses(scores);
  return { ...nps(counts), distribution };
};
