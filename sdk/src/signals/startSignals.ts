import type { Thresholds } from '../protocol';
import { onDeadClick } from './onDeadClick';
import { onErrorClick } from './onErrorClick';
import { onExcessiveScroll } from './onExcessiveScroll';
import { onFormAbandon } from './onFormAbandon';
import { onJsError } from './onJsError';
import { onQuickBack } from './onQuickBack';
import { onRageClick } from './onRageClick';
import { onVitals } from './onVitals';
import type { Report } from './types';

/**
 * Starts every friction signal and web vitals until `signal` aborts: uncaught errors, clicks (error, rage and dead),
 * forms, quick backs and excessive scrolling from the first moment, and web-vitals once the page is idle (`vitals.js`,
 * from `assets`). Detectors read `thresholds` live, so a site's overrides apply as soon as they arrive. `ours` lists
 * Pulse's own URLs, which are not a page's reaction to a click. `later` runs what needs storage or layout once Pulse
 * has started, since nothing touches either before (the quick-back and form-abandon records, the first scroll
 * position). Nothing here ever throws: where a browser API is missing (no MutationObserver, sessionStorage blocked),
 * the detectors that need it, and those after them, stay off.
 */
export const startSignals = (
  report: Report,
  thresholds: Thresholds,
  assets: string,
  ours: string[],
  later: (work: () => void) => void,
  signal: AbortSignal,
): void => {
  // A detector's timer may still fire after the end.
  const send: Report = (event) => signal.aborted || report(event);
  try {
    onJsError(send, thresholds.jsError, signal);
    onVitals(send, assets, signal);
    onErrorClick(send, thresholds.errorClick, signal);
    onRageClick(send, thresholds.rageClick, signal);
    onDeadClick(send, thresholds.deadClick, thresholds.rageClick, ours, signal);
    onFormAbandon(send, later, signal);
    onExcessiveScroll(send, thresholds.excessiveScroll, later, signal);
    onQuickBack(send, thresholds.quickBack, later, signal);
  } catch {
    // A missing browser API: the detectors started so far keep running.
  }
};
