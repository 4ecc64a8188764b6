import { allDatabases, databaseFor } from './db/databaseFor';
import {
  deleteExpiredChunk,
  deleteExpiredQuarantine,
  listRetention,
  pruneIngestCounts,
  pruneWebhookDeliveries,
  RETENTION_CHUNK,
} from './db/retention';
import type { Bindings } from './env';

const DAY = 86_400_000;
/** Chunks one run deletes at most, over all sites; the next run goes on where this one stopped. */
export const MAX_CHUNKS_PER_RUN = 200;
/** Per-delivery counts are kept this long to recognise a redelivery. */
const COUNTS_KEPT_MS = 7 * DAY;
/** Webhook messages are kept this long after they were created, for replays (README, Webhooks). */
export const WEBHOOK_MESSAGES_KEPT_MS = 90 * DAY;

/**
 * The retention cron: deletes each site's raw events older than its retention (default 395 days) in chunks, in the
 * site's database, and keeps every rollup; forgets the webhook messages past their 90 days, in every database. Returns how many events it deleted.
 */
export const retention = async (controller: ScheduledController, env: Bindings): Promise<number> => {
  const now = controller.scheduledTime;
  let chunks = 0;
  let deleted = 0;
  for (const site of await listRetention(env.DB)) {
    const cutoff = now - site.retention_days * DAY;
    const db = databaseFor(env, site.id);
    await deleteExpiredQuarantine(db, site.id, cutoff);
    while (chunks < MAX_CHUNKS_PER_RUN) {
      chunks++;
      const count = await deleteExpiredChunk(db, site.id, cutoff);
      deleted += count;
      if (count < RETENTION_CHUNK) break;
    }
  }
  for (const db of allDatabases(env)) {
    await pruneIngestCounts(db, now - COUNTS_KEPT_MS);
    await pruneWebhookDeliveries(db, now - WEBHOOK_MESSAGES_KEPT_MS);
  }
  return deleted;
};
