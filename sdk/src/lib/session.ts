import { storage } from './storage';
import { uuid7 } from './uuid7';

/** The visitor and session as stored between pages. */
export interface Identity {
  /** Anonymous visitor id. */
  visitor: string;
  /** Current session id. */
  session: string;
  /** Sessions this visitor has had, this one included. */
  visits: number;
  /** Time of the last activity, ms. */
  last: number;
}

/**
 * Returns the visitor's identity, starting a new session (and counting a visit)
 * when the last activity is more than `idleMinutes` ago. Each call counts as activity.
 */
export const touchSession = (idleMinutes: number, now: number = Date.now()): Identity => {
  const stored = storage<Identity>('id');
  const identity: Identity =
    stored && now - stored.last < idleMinutes * 6e4
      ? { ...stored, last: now }
      : {
          visitor: stored?.visitor ?? uuid7(now),
          session: uuid7(now),
          visits: (stored?.visits ?? 0) + 1,
          last: now,
        };
  return storage('id', identity)!;
};
