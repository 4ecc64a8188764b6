import type { Consent } from '../client';
import type { PulseEvent, Thresholds } from '../protocol';
import { currentUrl } from '../signals/onPageview';
import type { Signal } from '../signals/types';
import { device } from './device';
import { touchSession } from './session';
import { storage } from './storage';
import { uuid7 } from './uuid7';

/** What an event is for, as consent names it: analytics (page views, custom events, friction) or surveys. */
export type Purpose = keyof Consent;

/**
 * The capture of events: `observe` sees every event first (a survey may follow a `track` event or a friction signal
 * even without analytics consent); then, where `allows` its purpose and the visitor has not opted out, the event gets
 * its id, time, visitor, session, page and device, goes to `add`, and is returned. `now` and `url` are when and where
 * it happened.
 */
export const capture =
  (
    thresholds: Thresholds,
    allows: (purpose: Purpose) => boolean,
    add: (event: PulseEvent) => void,
    observe: (event: Signal) => void,
  ) =>
  (event: Signal, purpose: Purpose = 'analytics', now = Date.now(), url = currentUrl()): PulseEvent | undefined => {
    observe(event);
    if (!allows(purpose) || storage('optout')) return;
    const { visitor, session } = touchSession(thresholds.session.idleMinutes, now);
    const full = {
      id: uuid7(now),
      ts: now,
      visitor,
      session,
      url,
      device: device(),
      user: storage<string>('user') ?? undefined,
      ...event,
    } as PulseEvent;
    add(full);
    return full;
  };
