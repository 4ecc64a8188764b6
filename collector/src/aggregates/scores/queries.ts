import type { RollupFilters } from '../rollupFilter';
import { type Breakdown, sumRollup } from '../rollupSums';
import type { StatsWindow } from '../window';
import { NPS_COLUMNS } from './nps';

const SURVEY_FILTERS: (keyof RollupFilters)[] = ['survey', 'path', 'device'];

/** NPS answers per score over a window, per interval when the window asks for a series, and per group of `by`. */
export const npsCounts = (db: D1Database, site: string, window: StatsWindow, filters: RollupFilters, by?: Breakdown) =>
  sumRollup(db, 'nps_hourly', NPS_COLUMNS, site, window, filters, SURVEY_FILTERS, by);

/** CSAT answers per score over a window (and per interval). */
export const csatCounts = (db: D1Database, site: string, window: StatsWindow, filters: RollupFilters, by?: Breakdown) =>
  sumRollup(db, 'csat_hourly', ['s1', 's2', 's3', 's4', 's5'], site, window, filters, SURVEY_FILTERS, by);

/** CES answers per score over a window (and per interval). */
export const cesCounts = (db: D1Database, site: string, window: StatsWindow, filters: RollupFilters, by?: Breakdown) =>
  sumRollup(db, 'ces_hourly', ['s1', 's2', 's3', 's4', 's5', 's6', 's7'], site, window, filters, SURVEY_FILTERS, by);
