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

/** Rows per INSERT: D1 binds at most 100 parameters to one statement. */
export const ROWS_PER_INSERT = Math.floor(100 / COLUMNS.length);

const ROW = `(${COLUMNS.map(() => '?').join(', ')})`;
const insertSql = (rows: number) =>
  `INSERT INTO events (${COLUMNS.join(', ')}) VALUES ${Array(rows).fill(ROW).join(', ')} ON CONFLICT (site, id) DO NOTHING`;

/**
 * The statements that store a delivery's events, several rows each. A row whose id is already stored, or whose
 * visitor was erased, is skipped; rollup triggers fire only for the rows actually inserted.
 */
export const insertEvents = (
  db: D1Database,
  site: string,
  received: number,
  events: StoredEvent[],
): D1PreparedStatement[] => {
  const statements: D1PreparedStatement[] = [];
  for (let start = 0; start < events.length; start += ROWS_PER_INSERT) {
    const chunk = events.slice(start, start + ROWS_PER_INSERT);
    const values = chunk.flatMap((event) => {
      const row: Record<(typeof COLUMNS)[number], string | number | null> = {
        ...event,
        // Messages queued (or quarantined) before migration 0012 carry the value as `score`.
        value: event.value ?? (event as { score?: number | null }).score ?? null,
        site,
        hour: Math.floor(event.ts / 3_600_000),
        received,
      };
      return COLUMNS.map((column) => row[column]);
    });
    statements.push(db.prepare(insertSql(chunk.length)).bind(...values));
  }
  return statements;
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
