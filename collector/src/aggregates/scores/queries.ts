import type { RollupFilters } from '../rollupFilter';
import { type Breakdown, sumRollup } from '../rollupSums';
import type { BreakdownKind, SegmentSelection } from '../segments/segmentQuery';
import { segmentRows } from '../segments/segmentRows';
import type { StatsWindow } from '../window';
import { NPS_COLUMNS } from './nps';

const SURVEY_FILTERS: (keyof RollupFilters)[] = ['survey', 'path', 'device'];

/** The per-score columns of each score's rollup, which `segment_scores_hourly` shares. */
const COLUMNS = {
  nps: NPS_COLUMNS,
  csat: ['s1', 's2', 's3', 's4', 's5'],
  ces: ['s1', 's2', 's3', 's4', 's5', 's6', 's7'],
} as const;

/**
 * Answers of one score kind per score over a window, per interval when the window asks for a series, and per group
 * of `by`. With a segment filter, from the segment rollup: only that segment's answers. With a breakdown by a segment,
 * the total and series of all answers and one group per value of the segment (answers without it are in no group).
 */
export const scoreCounts = async <Kind extends keyof typeof COLUMNS>(
  db: D1Database,
  kind: Kind,
  site: string,
  window: StatsWindow,
  filters: RollupFilters,
  by?: BreakdownKind,
  segment?: SegmentSelection,
) => {
  const columns = COLUMNS[kind] as readonly (typeof COLUMNS)[Kind][number][];
  const all = (breakdown?: Breakdown) =>
    sumRollup(db, `${kind}_hourly`, columns, site, window, filters, SURVEY_FILTERS, breakdown);
  if (!segment) return all(by as Breakdown);
  const segmentWhere = segmentRows(segment);
  const rows = { where: `kind = ? AND ${segmentWhere.where}`, bindings: [kind, ...segmentWhere.bindings] };
  if (segment.value !== undefined)
    return sumRollup(
      db,
      'segment_scores_hourly',
      columns,
      site,
      window,
      filters,
      SURVEY_FILTERS,
      by as Breakdown,
      rows,
    );
  // A breakdown by a segment: the total and series of every answer, and a group per value of the segment.
  const [whole, groups] = await Promise.all([
    all(),
    sumRollup(
      db,
      'segment_scores_hourly',
      columns,
      site,
      { ...window, interval: undefined },
      filters,
      SURVEY_FILTERS,
      'value',
      rows,
    ),
  ]);
  return { ...whole, groups: groups.groups };
};
