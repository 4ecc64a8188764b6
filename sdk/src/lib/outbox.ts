import { createStore, delMany, getMany, keys, set } from 'idb-keyval';
import type { PulseEvent } from '../protocol';

/** Events waiting to reach the collector, oldest first. */
export interface Outbox {
  /** Stores an event until `remove` is called with its id. */
  add(event: PulseEvent): Promise<void>;
  /** The oldest `max` events. */
  peek(max: number): Promise<PulseEvent[]>;
  /** Forgets events by id. */
  remove(ids: string[]): Promise<void>;
}

/** An outbox held in memory: the fallback where IndexedDB is missing or blocked. */
export const memoryOutbox = (): Outbox => {
  const events = new Map<string, PulseEvent>();
  return {
    add: async (event) => void events.set(event.id, event),
    peek: async (max) => [...events.values()].slice(0, max),
    remove: async (ids) => {
      for (const id of ids) events.delete(id);
    },
  };
};

/**
 * An outbox in IndexedDB (idb-keyval), keyed by event id; UUIDv7 keys keep it in capture order.
 * Falls back to memory for the rest of the page at the first IndexedDB failure.
 */
export const createOutbox = (): Outbox => {
  const fallback = memoryOutbox();
  type Store = ReturnType<typeof createStore>;
  let store: Store | undefined;
  try {
    store = createStore('pulse', 'outbox');
  } catch {
    return fallback;
  }
  const guard =
    <A extends unknown[], R>(run: (db: Store, ...args: A) => Promise<R>, backup: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (store) {
        try {
          return await run(store, ...args);
        } catch {
          store = undefined;
        }
      }
      return backup(...args);
    };
  return {
    add: guard((db, event) => set(event.id, event, db), fallback.add),
    peek: guard(async (db, max) => {
      const ids = (await keys<string>(db)).slice(0, max);
      return (await getMany<PulseEvent | undefined>(ids, db)).filter((event): event is PulseEvent => !!event);
    }, fallback.peek),
    remove: guard((db, ids) => delMany(ids, db), fallback.remove),
  };
};
