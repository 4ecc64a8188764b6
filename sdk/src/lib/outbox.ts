import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { PulseEvent } from '../protocol';

/** What the outbox holds at most, and how long an event may wait (SPEC §5). */
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

/** The outbox as one record: its events in capture order, their size in JSON characters, and the lost-event count. */
export type Box = [events: PulseEvent[], bytes: number, lost: number];

/** Applies a change to the stored box in one step (one transaction), and returns what the change returned. */
export type Update = <R>(change: (box: Box) => R) => Promise<R>;

const sizeOf = (event: PulseEvent) => JSON.stringify(event).length;

/** Removes the `index`-th event of a box, and counts it as lost unless `lost` is 0. */
const drop = (box: Box, index: number, lost = 1) => {
  box[1] -= sizeOf(box[0].splice(index, 1)[0]!);
  box[2] += lost;
};

/** The outbox's rules (bounds, overflow order, expiry, lost-event count), over any store of one box. */
export const outboxOver = (change: Update): Outbox => {
  const { events: maxEvents, bytes: maxBytes, days } = OUTBOX_LIMITS;
  return {
    add: (event) =>
      change((box) => {
        box[0].push(event);
        box[1] += sizeOf(event);
        // Survey events are what the site asked its visitors for: friction, page views and custom events go first.
        for (let index = 0; (box[0].length > maxEvents || box[1] > maxBytes) && box[0][index]; )
          if (box[0][index]!.type.startsWith('survey')) index++;
          else drop(box, index);
      }),
    peek: (max) =>
      change((box) => {
        const expired = Date.now() - days * 864e5;
        for (let index = box[0].length; index--; ) if (box[0][index]!.ts < expired) drop(box, index);
        return { events: box[0].slice(0, max), dropped: box[2] };
      }),
    remove: (ids, moved) =>
      change((box) => {
        for (let index = box[0].length; index--; ) if (ids.includes(box[0][index]!.id)) drop(box, index, 0);
        box[2] = Math.max(0, box[2] + moved);
      }),
  };
};

/** The same outbox rules in memory only. */
export const memoryOutbox = (): Outbox => {
  const box: Box = [[], 0, 0];
  return outboxOver(async (change) => change(box));
};

/**
 * The outbox in IndexedDB (through idb-keyval), one database per site, as one record that each change reads and
 * writes in one transaction, so tabs never lose each other's events. Falls back to memory for the rest of the page
 * at the first IndexedDB failure (or where there is none: idb-keyval opens the database on first use, inside the
 * `try`), without throwing.
 */
export const createOutbox = (site: string): Outbox => {
  let store: UseStore | undefined = createStore(`pulse:${site}`, 'outbox');
  const memory: Box = [[], 0, 0];
  return outboxOver(async (change) => {
    if (store)
      try {
        return await store('readwrite', async (objects) => {
          const box: Box = (await promisifyRequest(objects.get(0))) ?? [[], 0, 0];
          const result = change(box);
          // A microtask after the read's success event: the transaction is still active.
          objects.put(box, 0);
          await promisifyRequest(objects.transaction);
          return result;
        });
      } catch {
        store = undefined;
      }
    return change(memory);
  });
};
