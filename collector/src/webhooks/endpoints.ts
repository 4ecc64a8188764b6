import type { WebhookEventType } from './schema';

/** A row of `webhook_endpoints`. */
export interface EndpointRow {
  site: string;
  id: string;
  url: string;
  format: 'standard' | 'slack';
  /** JSON array of event types. */
  events: string;
  survey: string | null;
  path_prefix: string | null;
  secret: string;
  created_at: number;
  updated_at: number;
  failing_since: number | null;
  disabled_at: number | null;
  disabled_reason: string | null;
}

/** A row of `webhook_deliveries`: one message to one endpoint. */
export interface DeliveryRow {
  site: string;
  endpoint: string;
  id: string;
  type: WebhookEventType;
  payload: string;
  created_at: number;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  delivered_at: number | null;
}

/** Attempts the delivery log keeps per endpoint. */
export const ATTEMPTS_KEPT = 100;

/** A new `whsec_` secret: 32 random bytes, base64, as Standard Webhooks expects. */
export const newSecret = () => `whsec_${btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))}`;

/** Every endpoint of a site, oldest first. */
export const listEndpoints = async (db: D1Database, site: string) =>
  (
    await db
      .prepare('SELECT * FROM webhook_endpoints WHERE site = ? ORDER BY created_at, id')
      .bind(site)
      .all<EndpointRow>()
  ).results;

/** One endpoint, or null. */
export const getEndpoint = (db: D1Database, site: string, id: string) =>
  db.prepare('SELECT * FROM webhook_endpoints WHERE site = ? AND id = ?').bind(site, id).first<EndpointRow>();

/** Stores a new endpoint. */
export const insertEndpoint = (db: D1Database, row: EndpointRow) =>
  db
    .prepare(
      `INSERT INTO webhook_endpoints (site, id, url, format, events, survey, path_prefix, secret, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      row.site,
      row.id,
      row.url,
      row.format,
      row.events,
      row.survey,
      row.path_prefix,
      row.secret,
      row.created_at,
      row.updated_at,
    )
    .run();

/** Writes an endpoint's changed fields back. */
export const updateEndpoint = (db: D1Database, row: EndpointRow) =>
  db
    .prepare(
      `UPDATE webhook_endpoints SET url = ?, format = ?, events = ?, survey = ?, path_prefix = ?, secret = ?,
         updated_at = ?, failing_since = ?, disabled_at = ?, disabled_reason = ?
       WHERE site = ? AND id = ?`,
    )
    .bind(
      row.url,
      row.format,
      row.events,
      row.survey,
      row.path_prefix,
      row.secret,
      row.updated_at,
      row.failing_since,
      row.disabled_at,
      row.disabled_reason,
      row.site,
      row.id,
    )
    .run();

/** Deletes an endpoint with its deliveries and log; true when it existed. */
export const deleteEndpoint = async (db: D1Database, site: string, id: string) => {
  const [deleted] = await db.batch([
    db.prepare('DELETE FROM webhook_endpoints WHERE site = ? AND id = ?').bind(site, id),
    db.prepare('DELETE FROM webhook_deliveries WHERE site = ? AND endpoint = ?').bind(site, id),
    db.prepare('DELETE FROM webhook_attempts WHERE site = ? AND endpoint = ?').bind(site, id),
  ]);
  return (deleted?.meta.changes ?? 0) > 0;
};

/**
 * Records a message for an endpoint once: true when this call created it, or when it exists but no attempt has been
 * made yet (a fan-out retried after it recorded the message but before it queued its delivery).
 */
export const recordDelivery = async (
  db: D1Database,
  row: Pick<DeliveryRow, 'site' | 'endpoint' | 'id' | 'type' | 'payload' | 'created_at'>,
) => {
  const [inserted, existing] = await db.batch([
    db
      .prepare(
        `INSERT INTO webhook_deliveries (site, endpoint, id, type, payload, created_at, status)
         VALUES (?, ?, ?, ?, ?, ?, 'pending') ON CONFLICT (site, endpoint, id) DO NOTHING`,
      )
      .bind(row.site, row.endpoint, row.id, row.type, row.payload, row.created_at),
    db
      .prepare('SELECT status, attempts FROM webhook_deliveries WHERE site = ? AND endpoint = ? AND id = ?')
      .bind(row.site, row.endpoint, row.id),
  ]);
  const state = existing!.results[0] as Pick<DeliveryRow, 'status' | 'attempts'> | undefined;
  return inserted!.meta.changes > 0 || (state?.status === 'pending' && state.attempts === 0);
};

/** One message, or null. */
export const getDelivery = (db: D1Database, site: string, endpoint: string, id: string) =>
  db
    .prepare('SELECT * FROM webhook_deliveries WHERE site = ? AND endpoint = ? AND id = ?')
    .bind(site, endpoint, id)
    .first<DeliveryRow>();

/** The ids of an endpoint's messages created in [from, to), oldest first, at most `limit`. */
export const deliveriesBetween = async (
  db: D1Database,
  site: string,
  endpoint: string,
  from: number,
  to: number,
  limit: number,
) =>
  (
    await db
      .prepare(
        `SELECT id FROM webhook_deliveries WHERE site = ? AND endpoint = ? AND created_at >= ? AND created_at < ?
         ORDER BY created_at LIMIT ?`,
      )
      .bind(site, endpoint, from, to, limit)
      .all<{ id: string }>()
  ).results.map((row) => row.id);

/** Sets a message back to pending, for a replay. */
export const reopenDelivery = (db: D1Database, site: string, endpoint: string, id: string) =>
  db
    .prepare("UPDATE webhook_deliveries SET status = 'pending' WHERE site = ? AND endpoint = ? AND id = ?")
    .bind(site, endpoint, id)
    .run();

/** One attempt's outcome, for the log and the message's state. */
export interface Attempt {
  at: number;
  status: number | null;
  latency: number;
  error: string | null;
  response: string | null;
}

/**
 * Records an attempt: in the log (pruned to the newest `ATTEMPTS_KEPT` of the endpoint), on the message (delivered
 * or still pending, or failed for good) and on the endpoint (since when it fails, or disabled, with the reason).
 */
export const recordAttempt = (
  db: D1Database,
  delivery: DeliveryRow,
  attempt: Attempt,
  outcome: { status: DeliveryRow['status']; failingSince: number | null; disabled?: string },
) =>
  db.batch([
    db
      .prepare(
        `INSERT INTO webhook_attempts (site, endpoint, delivery, at, status, latency, error, response)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        delivery.site,
        delivery.endpoint,
        delivery.id,
        attempt.at,
        attempt.status,
        attempt.latency,
        attempt.error,
        attempt.response,
      ),
    db
      .prepare(
        `DELETE FROM webhook_attempts WHERE site = ? AND endpoint = ? AND rowid NOT IN
           (SELECT rowid FROM webhook_attempts WHERE site = ? AND endpoint = ? ORDER BY at DESC, rowid DESC LIMIT ?)`,
      )
      .bind(delivery.site, delivery.endpoint, delivery.site, delivery.endpoint, ATTEMPTS_KEPT),
    db
      .prepare(
        `UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, delivered_at = ?
         WHERE site = ? AND endpoint = ? AND id = ?`,
      )
      .bind(
        outcome.status,
        outcome.status === 'delivered' ? attempt.at : null,
        delivery.site,
        delivery.endpoint,
        delivery.id,
      ),
    db
      .prepare(
        `UPDATE webhook_endpoints SET failing_since = ?,
           disabled_at = CASE WHEN ? IS NULL THEN disabled_at ELSE ? END,
           disabled_reason = COALESCE(?, disabled_reason)
         WHERE site = ? AND id = ?`,
      )
      .bind(
        outcome.failingSince,
        outcome.disabled ?? null,
        attempt.at,
        outcome.disabled ?? null,
        delivery.site,
        delivery.endpoint,
      ),
  ]);

/** Marks a message failed for good, as when the Queue gave up on it. */
export const failDelivery = (db: D1Database, site: string, endpoint: string, id: string) =>
  db
    .prepare(
      "UPDATE webhook_deliveries SET status = 'failed' WHERE site = ? AND endpoint = ? AND id = ? AND status = 'pending'",
    )
    .bind(site, endpoint, id)
    .run();

/** The delivery log of an endpoint, newest first, with each message's type. */
export const listAttempts = async (db: D1Database, site: string, endpoint: string) =>
  (
    await db
      .prepare(
        `SELECT a.delivery, d.type, a.at, a.status, a.latency, a.error, a.response FROM webhook_attempts a
         JOIN webhook_deliveries d ON d.site = a.site AND d.endpoint = a.endpoint AND d.id = a.delivery
         WHERE a.site = ? AND a.endpoint = ? ORDER BY a.at DESC, a.rowid DESC LIMIT ?`,
      )
      .bind(site, endpoint, ATTEMPTS_KEPT)
      .all<{
        delivery: string;
        type: WebhookEventType;
        at: number;
        status: number | null;
        latency: number;
        error: string | null;
        response: string | null;
      }>()
  ).results;

/** The event types a site's enabled endpoints subscribe to. */
export const subscribedTypes = async (db: D1Database, site: string): Promise<Set<string>> => {
  const { results } = await db
    .prepare('SELECT events FROM webhook_endpoints WHERE site = ? AND disabled_at IS NULL')
    .bind(site)
    .all<{ events: string }>();
  return new Set(results.flatMap((row) => JSON.parse(row.events) as string[]));
};
