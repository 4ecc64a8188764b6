import type { VitalName } from '@pulse/sdk/protocol';
import { addCount } from '../../lib/addCount';
import { groupBy } from '../../lib/groupBy';
import { bucketWindow, type StatsWindow, stated } from '../window';
import { summarize } from './histogram';
import type { GroupHistogram, PackedHistogram, PeriodHistogram } from './queries';
import { VITAL_THRESHOLDS } from './vitalBuckets';

/** Every web vital, in the order the stats list them. */
export const VITALS = Object.keys(VITAL_THRESHOLDS) as VitalName[];

/** Adds a packed histogram's `bucket:count` pairs to counts by bucket. */
const addPacked = (counts: Map<number, number>, packed: string) => {
  for (const pair of packed.split(',')) {
    const colon = pair.indexOf(':');
    addCount(counts, Number(pair.slice(0, colon)), Number(pair.slice(colon + 1)));
  }
  return counts;
};

/** Each vital's summary over histograms of any of them. */
const summaries = (histograms: PackedHistogram[]) => {
  const perMetric = new Map<VitalName, Map<number, number>>(VITALS.map((name) => [name, new Map()]));
  for (const { name, counts } of histograms) addPacked(perMetric.get(name as VitalName)!, counts);
  return VITALS.map((name) => ({ name, ...summarize(name, perMetric.get(name)!) }));
};

/**
 * The vitals stats from the rollups' histograms: each metric over the site (the sum of its groups), each metric per
 * path and device class (by name, then most records first), and with an interval, each metric per interval.
 */
export const vitalStats = (window: StatsWindow, groups: GroupHistogram[], series: PeriodHistogram[] | undefined) => {
  const overall = summaries(groups);
  const interval = window.interval;
  return {
    ...stated(window),
    n: overall.reduce((sum, metric) => sum + metric.n, 0),
    metrics: overall,
    groups: groups
      .map(({ name, path, device, counts }) => ({
        name: name as VitalName,
        path,
        device,
        ...summarize(name as VitalName, addPacked(new Map(), counts)),
      }))
      .sort((a, b) => a.name.localeCompare(b.name) || b.n - a.n || a.path.localeCompare(b.path)),
    series:
      series && interval
        ? [...groupBy(series, (row) => row.period)].map(([period, histograms]) => ({
            ...bucketWindow(period, { ...window, interval }),
            metrics: summaries(histograms),
          }))
        : undefined,
  };
};
