import type { StoredEvent } from '../ingest/normalize';

const COLUMNS = [
  'id',
  'site',
  'type',
  'ts',
  'hour',
  'visitor',
  'session',
  'user',
  'path',
  'url',
  'device',
  'survey',
  'response',
  'question',
  'kind',
  'score',
  'text',
  'target',
  'label',
  'data',
  'received',
] as const;

const INSERT_EVENT = `INSERT INTO events (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (id) DO NOTHING`;

/** The statement that stores one event unless its id is already stored; rollup triggers fire only when it does insert. */
export const insertEvent = (
  db: D1Database,
  site: string,
  received: number,
  event: StoredEvent,
): D1PreparedStatement => {
  const row: Record<(typeof COLUMNS)[number], string | number | null> = {
    ...event,
    site,
    hour: Math.floor(event.ts / 3_600_000),
    received,
  };
  return db.prepare(INSERT_EVENT).bind(...COLUMNS.map((column) => row[column]));
};
