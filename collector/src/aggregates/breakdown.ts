import { LOW_SAMPLE } from './lowSample';
import type { Breakdown } from './rollupSums';

/**
 * A breakdown of a score by `by`: one group per value, each with the score `compute` makes of its counts, and
 * `lowSample` under 30 answers; undefined when none was asked for.
 */
export const breakdownOf = <Counts extends object, Result extends { n: number }>(
  by: Breakdown | undefined,
  groups: (Counts & { value: string })[] | undefined,
  compute: (counts: Counts) => Result,
) =>
  by && groups
    ? {
        by,
        groups: groups.map(({ value, ...counts }) => {
          const result = compute(counts as unknown as Counts);
          return { value, ...result, lowSample: result.n < LOW_SAMPLE };
        }),
      }
    : undefined;
