import { addCount } from '../../lib/addCount';
import { groupBy } from '../../lib/groupBy';
import { bucketStart, bucketWindow, type StatsWindow, stated } from '../window';
import type { FunnelCountRow } from './queries';
import type { Funnel } from './schema';

/** Per-step counts of a funnel from the sessions that reached each step. */
export const stepCounts = (names: (string | null)[], reached: ReadonlyMap<number, number>) => {
  const steps = names.map((name, index) => {
    const here = reached.get(index + 1) ?? 0;
    // Sessions that reached the last step completed the funnel: none left there.
    const next = index + 1 < names.length ? (reached.get(index + 2) ?? 0) : here;
    return { step: index + 1, name, reached: here, left: here - next };
  });
  const n = steps[0]?.reached ?? 0;
  const completed = steps.at(-1)?.reached ?? 0;
  return { n, completed, conversion: n ? completed / n : null, steps };
};

/** The funnels stats: each funnel (or only `only`) with its steps over the window and, with an interval, per interval. */
export const funnelStats = (window: StatsWindow, definitions: Funnel[], rows: FunnelCountRow[], only?: string) => {
  const interval = window.interval;
  return {
    ...stated(window),
    funnels: definitions
      .filter((funnel) => only === undefined || funnel.id === only)
      .map((funnel) => {
        const names = funnel.steps.map((step) => step.name ?? null);
        const mine = rows.filter((row) => row.funnel === funnel.id);
        const reached = new Map<number, number>();
        for (const row of mine) addCount(reached, row.step, row.sessions);
        return {
          id: funnel.id,
          name: funnel.name ?? null,
          ...stepCounts(names, reached),
          series: interval
            ? [...groupBy(mine, (row) => bucketStart(row.hour, interval))].map(([bucket, bucketRows]) => {
                const inBucket = new Map<number, number>();
                for (const row of bucketRows) addCount(inBucket, row.step, row.sessions);
                return { ...bucketWindow(bucket, { ...window, interval }), ...stepCounts(names, inBucket) };
              })
            : undefined,
        };
      }),
  };
};
