import type { IngestMessage } from '../env';
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
  'value',
  'text',
  'target',
  'label',
  'data',
  'received',
] as const;

/** The columns the events' JSON fills, each read from the field of its name. */
const FIELDS = COLUMNS.filter((column) => column !== 'site' && column !== 'received');

/**
 * One INSERT for any number of events: they are bound as one JSON array and read with `json_each`, so a delivery
 * takes one statement whatever its size, where 21 columns a row would allow 4 rows under D1's 100 bound parameters.
 * (`WHERE true`: SQLite reads ON CONFLICT after a bare `SELECT … FROM` as a join's constraint.)
 */
const INSERT_SQL = `INSERT INTO events (${COLUMNS.join(', ')})
SELECT ${COLUMNS.map((column) => (column === 'site' ? '?1' : column === 'received' ? '?2' : `json_extract(e.value, '$.${column}')`)).join(', ')}
FROM json_each(?3) AS e WHERE true ON CONFLICT (site, id) DO NOTHING`;

/**
 * The statement that stores a delivery's events, in their order. A row whose id is already stored, or whose visitor
 * was erased, is skipped; rollup triggers fire only for the rows actually inserted.
 */
export const insertEvents = (
  db: D1Database,
  site: string,
  received: number,
  events: StoredEvent[],
): D1PreparedStatement[] => {
  if (!events.length) return [];
  const rows = events.map((event) => {
    const row: Record<string, string | number | null> = {
      ...event,
      // Messages queued (or quarantined) before migration 0012 carry the value as `score`.
      value: event.value ?? (event as { score?: number | null }).score ?? null,
      hour: Math.floor(event.ts / 3_600_000),
    };
    return Object.fromEntries(FIELDS.map((field) => [field, row[field] ?? null]));
  });
  return [db.prepare(INSERT_SQL).bind(site, received, JSON.stringify(rows))];
};

/** The statement that records a delivery's counts once under its id; a trigger adds them to `ingest_hourly`. */
export const insertCounts = (db: D1Database, message: IngestMessage): D1PreparedStatement | undefined => {
  const counts = message.counts;
  if (!counts || !Object.values(counts).some(Boolean)) return undefined;
  return db
    .prepare(
      'INSERT INTO ingest_counts (id, site, received, rejected, dropped, bots, limited, refused) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
    )
    .bind(
      message.id,
      message.site,
      message.received,
      counts.rejected ?? 0,
      counts.dropped ?? 0,
      counts.bots ?? 0,
      counts.limited ?? 0,
      counts.refused ?? 0,
    );
};
