import { insertEvent } from '../db/events';
import type { Bindings, IngestMessage } from '../env';

/**
 * The Queue consumer: writes a whole delivery in one D1 `batch()` (one transaction), so a delivery is stored
 * entirely or not at all. Redelivered messages insert nothing new: storage is idempotent by event id.
 */
export const consume = async (batch: MessageBatch<IngestMessage>, env: Bindings): Promise<void> => {
  const statements = batch.messages.flatMap(({ body }) =>
    body.events.map((event) => insertEvent(env.DB, body.site, body.received, event)),
  );
  try {
    if (statements.length) await env.DB.batch(statements);
    batch.ackAll();
  } catch (error) {
    console.error('storing a delivery failed; it will be retried', error);
    batch.retryAll({ delaySeconds: 5 });
  }
};
