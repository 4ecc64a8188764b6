import type { Thresholds } from '../protocol';
import { onDeadClick } from '../signals/onDeadClick';
import { onErrorClick } from '../signals/onErrorClick';
import { onExcessiveScroll } from '../signals/onExcessiveScroll';
import { onFormAbandon } from '../signals/onFormAbandon';
import { onQuickBack } from '../signals/onQuickBack';
import { onRageClick } from '../signals/onRageClick';
import type { Report } from '../signals/types';

/**
 * The friction chunk's entry point: starts the detectors of clicks, forms, navigation and scrolling until
 * `signal` aborts. Detectors read `thresholds` live; `ours` lists Pulse's own URLs, which are not a page's
 * reaction to a click. Where a browser API is missing (no MutationObserver, sessionStorage blocked), the
 * detectors that need it, and those after them, stay off.
 */
export const startFriction = (report: Report, thresholds: Thresholds, ours: string[], signal: AbortSignal): void => {
  try {
    onErrorClick(report, thresholds.errorClick, signal);
    onRageClick(report, thresholds.rageClick, signal);
    onExcessiveScroll(report, thresholds.excessiveScroll, signal);
    onDeadClick(report, thresholds.deadClick, ours, signal);
    onFormAbandon(report, signal);
    onQuickBack(report, thresholds.quickBack, signal);
  } catch {
    // A missing browser API: the detectors started so far keep running.
  }
};
