import type { EventBase, PulseEvent } from '../protocol';

/**
 * An event as a signal reports it: without the fields the client adds (id, time, visitor, session, device).
 * `url` may be given, for an event about a page that is no longer the current one, and `id` and `ts`, for an
 * event reported again (the collector stores an id once).
 */
export type Signal<E extends PulseEvent = PulseEvent> = E extends PulseEvent
  ? Omit<E, keyof EventBase> & Partial<Pick<EventBase, 'id' | 'ts' | 'url'>>
  : never;

/** The callback a signal reports to. */
export type Report<E extends PulseEvent = PulseEvent> = (event: Signal<E>) => void;
