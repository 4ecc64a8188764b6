import { LOW_SAMPLE } from '../lowSample';
import { type StatsWindow, seriesOf, stated } from '../window';

/**
 * A score route's answer from the rollup's sums: the stated window, the score `compute` makes of the total, one point
 * per interval with a series, and with `by` a breakdown, one group per value, each flagged `lowSample` under 30
 * answers.
 */
export const scoreStats = <Counts extends object, Result extends { n: number }>(
  window: StatsWindow,
  by: string | undefined,
  sums: { total: Counts; series?: (Counts & { bucket: number })[]; groups?: (Counts & { value: string })[] },
  compute: (counts: Counts) => Result,
) => ({
  ...stated(window),
  ...compute(sums.total),
  series: seriesOf(window, sums.series, compute),
  breakdown:
    by && sums.groups
      ? {
          by,
          groups: sums.groups.map(({ value, ...counts }) => {
            const result = compute(counts as unknown as Counts);
            return { value, ...result, lowSample: result.n < LOW_SAMPLE };
          }),
        }
      : undefined,
});
