import { createStore, promisifyRequest } from 'idb-keyval';
import type { PulseEvent } from '../protocol';
import { byteLength } from './byteLength';

/** What the outbox holds at most (events, and UTF-8 bytes of their JSON), and how long an event may wait (README, Delivery). */
export const OUTBOX_LIMITS = { events: 1_000, bytes: 1_000_000, days: 7 };

/** Events waiting to reach the collector, oldest first, and the count of events lost on the way. */
export interface Outbox {
  /** Stores an event. Past the bounds, drops the oldest events that are not survey events, and counts them. */
  add(event: PulseEvent): Promise<void>;
  /** The oldest `max` events, and the count of events lost since a report of it was last accepted. Drops expired events on the way. */
  peek(max: number): Promise<{ events: PulseEvent[]; dropped: number }>;
  /** Forgets events by id, and moves the count of lost events by `change` (negative once a report is accepted). */
  remove(ids: string[], change: number): Promise<void>;
}

/** One transaction's view of the store: events in key order (capture order) beside one bookkeeping record. */
export interface Records {
  /** A value, or a promise of it. */
  get(key: IDBValidKey): unknown;
  put(key: IDBValidKey, value: unknown): void;
  del(key: IDBValidKey): void;
  /** Visits events oldest first until `visit` returns true. */
  each(visit: (event: PulseEvent) => unknown): Promise<void>;
}

/** Runs a function inside one transaction, so the bookkeeping always matches the events. */
export type Transact = <R>(run: (records: Records) => Promise<R>) => Promise<R>;

/** Events, UTF-8 bytes of their JSON and lost events, kept in one record so that no `add` has to scan the outbox. */
type Tally = [events: number, bytes: number, dropped: number];

// A number sorts before every string key in IndexedDB, so the tally never mixes with the events (UUIDv7 strings).
const TALLY = 0;

const sizeOf = (event: PulseEvent) => byteLength(JSON.stringify(event));

/** The outbox's rules (bounds, overflow order, expiry, lost-event count), over any transactional store. */
export const outboxOver = (transact: Transact): Outbox => {
  /** Runs `run` in one transaction with the tally, and `drop`, which forgets an event and counts it if `lost`. */
  const open = <R>(
    run: (records: Records, tally: Tally, drop: (event: PulseEvent, lost?: number) => void) => Promise<R>,
  ) =>
    transact(async (records) => {
      const tally = ((await records.get(TALLY)) as Tally | undefined) ?? [0, 0, 0];
      const result = await run(records, tally, (event, lost = 1) => {
        records.del(event.id);
        tally[0]--;
        tally[1] -= sizeOf(event);
        tally[2] += lost;
      });
      records.put(TALLY, tally);
      return result;
    });
  const { events: maxEvents, bytes: maxBytes, days } = OUTBOX_LIMITS;
  return {
    add: (event) =>
      open(async (records, tally, drop) => {
        records.put(event.id, event);
        tally[0]++;
        tally[1] += sizeOf(event);
        if (tally[0] > maxEvents || tally[1] > maxBytes)
          await records.each((old) => {
            // Survey events are what the site asked its visitors for: friction, page views and custom events go first.
            if (!old.type.startsWith('survey')) drop(old);
            return tally[0] <= maxEvents && tally[1] <= maxBytes;
          });
      }),
    peek: (max) =>
      open(async (records, tally, drop) => {
        const events: PulseEvent[] = [];
        const expired = Date.now() - days * 864e5;
        await records.each((event) => {
          if (event.ts < expired) drop(event);
          else events.push(event);
          return events.length >= max;
        });
        // An empty outbox holds nothing: reset the tally, in case anything ever made it drift.
        if (!events.length) tally[0] = tally[1] = 0;
        return { events, dropped: tally[2] };
      }),
    remove: (ids, change) =>
      open(async (records, tally, drop) => {
        for (const event of await Promise.all(ids.map((id) => records.get(id))))
          if (event) drop(event as PulseEvent, 0);
        tally[2] = Math.max(0, tally[2] + change);
      }),
  };
};

/** A store in memory, one transaction at a time: the fallback where IndexedDB is missing or fails. */
export const memoryStore = (): Transact => {
  const map = new Map<IDBValidKey, unknown>();
  const records: Records = {
    get: (key) => map.get(key),
    put: (key, value) => map.set(key, value),
    del: (key) => map.delete(key),
    each: async (visit) => {
      for (const [key, event] of map) if (key !== TALLY && visit(event as PulseEvent)) return;
    },
  };
  let queue: Promise<unknown> = Promise.resolve();
  return <R>(run: (records: Records) => Promise<R>) => {
    const next = () => run(records);
    return (queue = queue.then(next, next)) as Promise<R>;
  };
};

/** The same outbox rules in memory only. */
export const memoryOutbox = (): Outbox => outboxOver(memoryStore());

/**
 * The outbox in IndexedDB (through idb-keyval), one database per site; UUIDv7 keys keep events in capture order.
 * Falls back to memory for the rest of the page at the first IndexedDB failure (or where there is none: idb-keyval
 * opens the database on first use, inside the `try`), without throwing.
 */
export const createOutbox = (site: string): Outbox => {
  const memory = memoryStore();
  let store: ReturnType<typeof createStore> | undefined = createStore(`pulse:${site}`, 'outbox');
  return outboxOver(async (run) => {
    if (store)
      try {
        return await store('readwrite', async (objects) => {
          const result = await run({
            get: (key) => promisifyRequest(objects.get(key)),
            put: (key, value) => objects.put(value, key),
            del: (key) => objects.delete(key),
            each: async (visit) => {
              // Strings only: every event key, never the tally. Each step is awaited inside the success event, while
              // the transaction is still active.
              const request = objects.openCursor(IDBKeyRange.lowerBound(''));
              for (
                let cursor: IDBCursorWithValue | null;
                (cursor = await promisifyRequest(request)) && !visit(cursor.value);
              )
                cursor.continue();
            },
          });
          await promisifyRequest(objects.transaction);
          return result;
        });
      } catch {
        store = undefined;
      }
    return memory(run);
  });
};
