import type { Unlisten } from '../lib/listen';
import { loadFriction } from '../lib/loadFriction';
import type { Thresholds } from '../protocol';
import { onJsError } from './onJsError';
import { onVitals } from './onVitals';
import type { Report } from './types';

/**
 * Starts every friction signal and web vitals; returns the function that stops them all. Uncaught errors are
 * watched from the first moment; the other detectors arrive at once in their own chunk (`friction.js`, which
 * keeps `pulse.js` small), and web-vitals once the page is idle (`vitals.js`), both from `assets`. Detectors read
 * `thresholds` live, so a site's overrides apply as soon as they arrive. `ours` lists Pulse's own URLs, which are
 * not a page's reaction to a click. Nothing here ever throws, and a chunk that cannot load leaves the rest running.
 */
export const startSignals = (report: Report, thresholds: Thresholds, assets: string, ours: string[]): Unlisten => {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const send: Report = (event) => signal.aborted || report(event);
  try {
    onJsError(send, thresholds.jsError, signal);
    onVitals(send, assets, signal);
    loadFriction(assets)
      .then((start) => signal.aborted || start(send, thresholds, ours, signal))
      .catch(() => undefined);
  } catch {
    // A missing browser API (no AbortController): friction capture stays off.
  }
  return () => lifetime.abort();
};
