/** Raw events deleted per transaction: small enough to keep each D1 call short. */
export const RETENTION_CHUNK = 1_000;

/** Every site with its retention, in days. */
export const listRetention = async (db: D1Database) =>
  (await db.prepare('SELECT id, retention_days FROM sites ORDER BY id').all<{ id: string; retention_days: number }>())
    .results;

/**
 * Deletes one chunk of a site's raw events captured before `cutoff`, and tells how many went. The chunk runs in one
 * transaction that marks itself in `retention_sweep` first and unmarks last, so the subtracting triggers leave every
 * rollup as it is: retention drops raw rows, never aggregates.
 */
export const deleteExpiredChunk = async (db: D1Database, site: string, cutoff: number): Promise<number> => {
  const [, deleted] = await db.batch([
    db.prepare('INSERT INTO retention_sweep (active) VALUES (1)'),
    db
      .prepare('DELETE FROM events WHERE rowid IN (SELECT rowid FROM events WHERE site = ? AND ts < ? LIMIT ?)')
      .bind(site, cutoff, RETENTION_CHUNK),
    db.prepare('DELETE FROM retention_sweep'),
  ]);
  return deleted!.meta.changes;
};

/** Deletes a site's quarantined events captured before `cutoff`: they expire with the raw events. */
export const deleteExpiredQuarantine = (db: D1Database, site: string, cutoff: number) =>
  db.prepare('DELETE FROM quarantine WHERE site = ? AND ts < ?').bind(site, cutoff).run();

/** Forgets the per-delivery counts received before `before`: the Queue redelivers long before that, and the hourly counts stay. */
export const pruneIngestCounts = (db: D1Database, before: number) =>
  db.prepare('DELETE FROM ingest_counts WHERE received < ?').bind(before).run();

/**
 * Forgets the webhook messages created before `before` whose delivery is over (delivered, or failed for good), with
 * their bodies: they can be replayed until then. A message still being retried stays.
 */
export const pruneWebhookDeliveries = (db: D1Database, before: number) =>
  db
    .prepare("DELETE FROM webhook_deliveries WHERE created_at < ? AND status IN ('delivered', 'failed')")
    .bind(before)
    .run();
