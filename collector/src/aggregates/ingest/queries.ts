import { sumRollup } from '../rollupSums';
import type { StatsWindow } from '../window';

/** Ingest counts over a window of receive hours (and per interval). */
export const ingestCounts = (db: D1Database, site: string, window: StatsWindow) =>
  sumRollup(
    db,
    'ingest_hourly',
    ['stored', 'rejected', 'dropped', 'bots', 'limited', 'refused', 'quarantined'],
    site,
    window,
    {},
    [],
  );
