import { wilson } from './wilson';

/** CSAT answers per score, 1 to 5. */
export interface CsatCounts {
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
}

/** CSAT with its sample size, its 95 % interval and the answers per score. */
export interface CsatResult {
  n: number;
  /** Answers of 4 or 5. */
  satisfied: number;
  /** 100·satisfied/n, exact; null without answers. */
  score: number | null;
  /** Wilson 95 % interval of the score, in percent; null without answers. */
  ci95: [number, number] | null;
  /** Answers per score, "1" to "5". */
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
}

/** CSAT (README, HTTP API: stats): satisfied means 4 or 5; score = 100·k/n with the Wilson interval. */
export const csat = ({ s1, s2, s3, s4, s5 }: CsatCounts): CsatResult => {
  const n = s1 + s2 + s3 + s4 + s5;
  const satisfied = s4 + s5;
  const interval = wilson(satisfied, n);
  return {
    n,
    satisfied,
    score: n ? (100 * satisfied) / n : null,
    ci95: interval && [100 * interval[0], 100 * interval[1]],
    distribution: { 1: s1, 2: s2, 3: s3, 4: s4, 5: s5 },
  };
};
