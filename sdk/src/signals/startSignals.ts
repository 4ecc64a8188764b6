import { loadFriction } from '../lib/loadFriction';
import type { Thresholds } from '../protocol';
import { onExcessiveScroll } from './onExcessiveScroll';
import { onJsError } from './onJsError';
import { onQuickBack } from './onQuickBack';
import { onVitals } from './onVitals';
import type { Report } from './types';

/**
 * Starts every friction signal and web vitals until `signal` aborts. Uncaught errors, quick backs and excessive
 * scrolling are watched from the first moment; the detectors of clicks and forms arrive at once in their own chunk
 * (`friction.js`), and web-vitals once the page is idle (`vitals.js`), both from `assets`. Detectors read
 * `thresholds` live, so a site's overrides apply as soon as they arrive. `ours` lists Pulse's own URLs, which are
 * not a page's reaction to a click. Nothing here ever throws: where a browser API is missing (sessionStorage
 * blocked), the detectors that need it, and those after them, stay off, and a chunk that cannot load leaves the
 * rest running.
 */
export const startSignals = (
  report: Report,
  thresholds: Thresholds,
  assets: string,
  ours: string[],
  signal: AbortSignal,
): void => {
  // A detector's timer may still fire after the end.
  const send: Report = (event) => signal.aborted || report(event);
  try {
    onJsError(send, thresholds.jsError, signal);
    onVitals(send, assets, signal);
    loadFriction(assets)
      .then((start) => signal.aborted || start(send, thresholds, ours, signal))
      .catch(() => undefined);
    onExcessiveScroll(send, thresholds.excessiveScroll, signal);
    onQuickBack(send, thresholds.quickBack, signal);
  } catch {
    // A missing browser API: the detectors started so far keep running.
  }
};
