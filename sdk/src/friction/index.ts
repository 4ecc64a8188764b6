import type { Thresholds } from '../protocol';
import { onDeadClick } from '../signals/onDeadClick';
import { onErrorClick } from '../signals/onErrorClick';
import { onFormAbandon } from '../signals/onFormAbandon';
import { onRageClick } from '../signals/onRageClick';
import type { Report } from '../signals/types';

/**
 * The friction chunk's entry point: starts the detectors of clicks and forms until `signal` aborts. They share
 * the element-naming helpers (selector, label, attribution), which do not fit beside the rest of `pulse.js` in
 * its budget. Detectors read `thresholds` live; `ours` lists Pulse's own URLs, which are not a page's reaction
 * to a click. Where a browser API is missing (no MutationObserver, sessionStorage blocked), the detectors that
 * need it, and those after them, stay off.
 */
export const startFriction = (report: Report, thresholds: Thresholds, ours: string[], signal: AbortSignal): void => {
  try {
    onErrorClick(report, thresholds.errorClick, signal);
    onRageClick(report, thresholds.rageClick, signal);
    onDeadClick(report, thresholds.deadClick, thresholds.rageClick, ours, signal);
    onFormAbandon(report, signal);
  } catch {
    // A missing browser API: the detectors started so far keep running.
  }
};
