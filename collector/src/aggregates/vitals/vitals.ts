import type { VitalName } from '@pulse/sdk/protocol';
import { addCount } from '../../lib/addCount';
import { groupBy } from '../../lib/groupBy';
import { bucketWindow, type StatsWindow, stated } from '../window';
import { summarize } from './histogram';
import type { MetricRow, VitalRow } from './queries';
import { VITAL_THRESHOLDS } from './vitalBuckets';

/** Every web vital, in the order the stats list them. */
export const VITALS = Object.keys(VITAL_THRESHOLDS) as VitalName[];

/**
 * The vitals stats from the rollups' histogram rows: each metric over the site (from `metrics` when given, else
 * from the groups, which a filter has narrowed), each metric per path and device class (by name, then most records
 * first), and with an interval, each metric per interval.
 */
export const vitalStats = (
  window: StatsWindow,
  rows: VitalRow[],
  metricRows: MetricRow[] | undefined,
  series: (MetricRow & { period: number })[] | undefined,
) => {
  const perMetric = new Map<VitalName, Map<number, number>>(VITALS.map((name) => [name, new Map()]));
  const perGroup = new Map<string, { name: VitalName; path: string; device: string; counts: Map<number, number> }>();
  for (const row of rows) {
    const name = row.name as VitalName;
    const key = JSON.stringify([name, row.path, row.device]);
    const group = perGroup.get(key) ?? { name, path: row.path, device: row.device, counts: new Map() };
    perGroup.set(key, group);
    addCount(group.counts, row.bucket, row.count);
  }
  for (const row of metricRows ?? rows) addCount(perMetric.get(row.name as VitalName)!, row.bucket, row.count);
  const metrics = VITALS.map((name) => ({ name, ...summarize(name, perMetric.get(name)!) }));
  const interval = window.interval;
  return {
    ...stated(window),
    n: metrics.reduce((sum, metric) => sum + metric.n, 0),
    metrics,
    groups: [...perGroup.values()]
      .map(({ counts, ...group }) => ({ ...group, ...summarize(group.name, counts) }))
      .sort((a, b) => a.name.localeCompare(b.name) || b.n - a.n || a.path.localeCompare(b.path)),
    series:
      series && interval
        ? [...groupBy(series, (row) => row.period)].map(([period, periodRows]) => ({
            ...bucketWindow(period, { ...window, interval }),
            metrics: VITALS.map((name) => {
              const counts = new Map<number, number>();
              for (const row of periodRows) if (row.name === name) addCount(counts, row.bucket, row.count);
              return { name, ...summarize(name, counts) };
            }),
          }))
        : undefined,
  };
};
