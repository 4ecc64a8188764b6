import { databaseFor } from '../db/databaseFor';
import { insertCounts, insertEvents } from '../db/events';
import { type Failure, quarantineEvents, reasonOf } from '../db/quarantine';
import type { Bindings, IngestMessage } from '../env';
import { groupBy } from '../lib/groupBy';
import { queueWebhooks } from '../webhooks/jobs';

/** Every statement that stores one delivery: one for its events, and one for its counts if it has any. */
const statementsOf = (db: D1Database, message: IngestMessage): D1PreparedStatement[] => {
  const counts = insertCounts(db, message);
  return [...insertEvents(db, message.site, message.received, message.events), ...(counts ? [counts] : [])];
};

/** Retried deliveries wait this long, so that a passing D1 outage is not hammered. */
const RETRY_DELAY_SECONDS = 5;

/**
 * Attempts after which an event that still fails alone, while others store, is taken for poison and quarantined:
 * the retries before give a passing fault (a D1 restart) the chance to clear.
 */
export const QUARANTINE_AFTER_ATTEMPTS = 3;

/** The queue whose messages the Queue gave up on (wrangler.jsonc). */
export const DEAD_LETTER_QUEUE = 'pulse-events-dlq';

/**
 * Stores one delivery whose transaction failed: event by event, so that the good ones are stored beside a poison
 * one. The failing ones are retried with the message, and quarantined with their reason once they have failed
 * `QUARANTINE_AFTER_ATTEMPTS` times (at once when the message was dead-lettered). The message is acked only once
 * every event is stored or quarantined.
 */
const storeEventByEvent = async (db: D1Database, message: Message<IngestMessage>, deadLettered: boolean) => {
  const { site, received, events } = message.body;
  const failures: Failure[] = [];
  for (const event of events) {
    try {
      await db.batch(insertEvents(db, site, received, [event]));
    } catch (error) {
      failures.push({ event, reason: reasonOf(error) });
    }
  }
  const counts = insertCounts(db, message.body);
  if (counts) await counts.run();
  if (!failures.length) return;
  if (!deadLettered && message.attempts < QUARANTINE_AFTER_ATTEMPTS) throw new Error(failures[0]!.reason);
  const reason = deadLettered ? `dead-lettered after ${message.attempts} attempts: ` : '';
  await db.batch(
    quarantineEvents(
      db,
      site,
      received,
      message.attempts,
      failures.map((failure) => ({ ...failure, reason: reason + failure.reason })),
    ),
  );
};

/** Stores one delivery on its own: in one transaction, else event by event (see `storeEventByEvent`). */
const storeAlone = async (db: D1Database, message: Message<IngestMessage>, deadLettered: boolean) => {
  try {
    await db.batch(statementsOf(db, message.body));
  } catch {
    await storeEventByEvent(db, message, deadLettered);
  }
};

/**
 * Stores deliveries that go to one database: all in one D1 `batch()` (one transaction), a statement or two each, and
 * then queues the webhooks their survey events call for, and tells whether that went through (the caller acks
 * them). When it failed, each delivery is stored on its own, and one that fails again event by event, so that one
 * bad event cannot hold back the others (see `storeEventByEvent`); those are acked or retried here.
 */
const storeAll = async (db: D1Database, messages: readonly Message<IngestMessage>[], env: Bindings) => {
  const statements = messages.flatMap((message) => statementsOf(db, message.body));
  try {
    if (statements.length) await db.batch(statements);
    for (const { body } of messages) await queueWebhooks(db, env.WEBHOOKS, body.site, body.events);
    return true;
  } catch {
    // One message at a time below.
  }
  await storeEach(db, messages, env, false);
  return false;
};

/** Stores each delivery on its own (see `storeAlone`), acking it once stored and retrying it if not. */
const storeEach = async (
  db: D1Database,
  messages: readonly Message<IngestMessage>[],
  env: Bindings,
  deadLettered: boolean,
) => {
  for (const message of messages) {
    try {
      await storeAlone(db, message, deadLettered);
      if (!deadLettered) await queueWebhooks(db, env.WEBHOOKS, message.body.site, message.body.events);
      message.ack();
    } catch (error) {
      console.error(`storing message ${message.id} failed; it will be retried`, error);
      message.retry({ delaySeconds: RETRY_DELAY_SECONDS });
    }
  }
};

/**
 * The Queue consumer: stores a batch of deliveries (up to 100, wrangler.jsonc), each in its site's database
 * (`databaseFor`), with one D1 `batch()` (one transaction) per database. Redelivered messages insert nothing new:
 * storage is idempotent by site and event id, counts by delivery id. Messages of the dead-letter queue are stored
 * one by one and land in quarantine rather than being lost. Once stored, a delivery's survey events queue the
 * webhooks they call for; a failure to queue them retries the delivery, whose events are then stored already.
 */
export const consume = async (batch: MessageBatch<IngestMessage>, env: Bindings): Promise<void> => {
  const byDatabase = groupBy(batch.messages, (message) => databaseFor(env, message.body.site));
  if (batch.queue === DEAD_LETTER_QUEUE) {
    for (const [db, messages] of byDatabase) await storeEach(db, messages, env, true);
    return;
  }
  const stored: Message<IngestMessage>[] = [];
  for (const [db, messages] of byDatabase) if (await storeAll(db, messages, env)) stored.push(...messages);
  if (stored.length === batch.messages.length) batch.ackAll();
  else for (const message of stored) message.ack();
};
