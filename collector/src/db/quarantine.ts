import type { StoredEvent } from '../ingest/normalize';
import { insertEvents } from './events';

/** An event held in quarantine, as the admin API lists it. */
export interface QuarantinedEvent {
  id: string;
  received: number;
  reason: string;
  attempts: number;
  quarantinedAt: number;
  event: StoredEvent;
}

/** One event the consumer could not store, and why. */
export interface Failure {
  event: StoredEvent;
  reason: string;
}

/**
 * The statements that keep failed events in quarantine. A redelivery of the same event updates its reason and
 * attempts instead of adding a row, so each event is counted once.
 */
export const quarantineEvents = (
  db: D1Database,
  site: string,
  received: number,
  attempts: number,
  failures: Failure[],
  now = Date.now(),
): D1PreparedStatement[] =>
  failures.map(({ event, reason }) =>
    db
      .prepare(
        'INSERT INTO quarantine (site, id, visitor, user, ts, received, event, reason, attempts, quarantined_at) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ' +
          'ON CONFLICT (site, id) DO UPDATE SET reason = excluded.reason, attempts = excluded.attempts',
      )
      .bind(
        site,
        event.id,
        event.visitor,
        event.user,
        event.ts,
        received,
        JSON.stringify(event),
        reason,
        attempts,
        now,
      ),
  );

/** Lists a site's quarantined events in id order: after the `after` id, or only those of `ids`. */
export const listQuarantine = async (
  db: D1Database,
  site: string,
  { limit, after = '', ids }: { limit: number; after?: string; ids?: string[] },
): Promise<QuarantinedEvent[]> => {
  const only = ids ? ` AND id IN (${ids.map(() => '?').join(', ')})` : '';
  const { results } = await db
    .prepare(
      'SELECT id, received, reason, attempts, quarantined_at, event FROM quarantine ' +
        `WHERE site = ? AND id > ?${only} ORDER BY id LIMIT ?`,
    )
    .bind(site, after, ...(ids ?? []), limit)
    .all<{ id: string; received: number; reason: string; attempts: number; quarantined_at: number; event: string }>();
  return results.map((row) => ({
    id: row.id,
    received: row.received,
    reason: row.reason,
    attempts: row.attempts,
    quarantinedAt: row.quarantined_at,
    event: JSON.parse(row.event) as StoredEvent,
  }));
};

/** Tells why a D1 call failed, in a line short enough to keep. */
export const reasonOf = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, 500);

/**
 * Tries to store quarantined events again, each in a transaction of its own that also takes it out of quarantine.
 * One that fails again stays, with the new reason. Returns the ids stored and those still failing.
 */
export const replayQuarantine = async (
  db: D1Database,
  site: string,
  items: QuarantinedEvent[],
): Promise<{ replayed: string[]; failed: { id: string; reason: string }[] }> => {
  const replayed: string[] = [];
  const failed: { id: string; reason: string }[] = [];
  for (const item of items) {
    try {
      await db.batch([
        ...insertEvents(db, site, item.received, [item.event]),
        db.prepare('DELETE FROM quarantine WHERE site = ? AND id = ?').bind(site, item.id),
      ]);
      replayed.push(item.id);
    } catch (error) {
      const reason = reasonOf(error);
      failed.push({ id: item.id, reason });
      await db
        .prepare('UPDATE quarantine SET reason = ?, attempts = attempts + 1 WHERE site = ? AND id = ?')
        .bind(reason, site, item.id)
        .run();
    }
  }
  return { replayed, failed };
};
