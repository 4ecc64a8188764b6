import { insertCounts, insertEvents } from '../db/events';
import type { Bindings, IngestMessage } from '../env';

/** Every statement that stores one delivery. */
const statementsOf = (db: D1Database, message: IngestMessage): D1PreparedStatement[] => {
  const counts = insertCounts(db, message);
  return [...insertEvents(db, message.site, message.received, message.events), ...(counts ? [counts] : [])];
};

/** Retried deliveries wait this long, so that a passing D1 outage is not hammered. */
const RETRY_DELAY_SECONDS = 5;

/**
 * The Queue consumer: writes the whole delivery in one D1 `batch()` (one transaction). Redelivered messages insert
 * nothing new: storage is idempotent by event id, counts by delivery id. When the batch fails, each message is tried
 * in a transaction of its own, so that one bad message cannot hold back the others; only the failing ones are retried.
 */
export const consume = async (batch: MessageBatch<IngestMessage>, env: Bindings): Promise<void> => {
  const statements = batch.messages.flatMap((message) => statementsOf(env.DB, message.body));
  try {
    if (statements.length) await env.DB.batch(statements);
    batch.ackAll();
    return;
  } catch (error) {
    if (batch.messages.length === 1) {
      console.error('storing a delivery failed; it will be retried', error);
      batch.retryAll({ delaySeconds: RETRY_DELAY_SECONDS });
      return;
    }
  }
  for (const message of batch.messages) {
    try {
      const own = statementsOf(env.DB, message.body);
      if (own.length) await env.DB.batch(own);
      message.ack();
    } catch (error) {
      console.error(`storing message ${message.id} failed; it will be retried`, error);
      message.retry({ delaySeconds: RETRY_DELAY_SECONDS });
    }
  }
};
