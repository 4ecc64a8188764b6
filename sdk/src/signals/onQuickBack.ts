import type { QuickBackEvent, Thresholds } from '../protocol';
import { onPageview } from './onPageview';
import type { Report } from './types';

/** The published default of `quick_back`: back within 5000 ms. */
export const QuickBackThresholds: Thresholds['quickBack'] = { within: 5000 };

/** Where this tab keeps its last two pages; per tab, so that another tab's pages do not interleave. */
const KEY = 'pulse:pages';

/**
 * Reports leaving a page for another and coming back within `within` ms, across full page loads and
 * route changes, until `signal` aborts: the page visited in between and the time spent there. The tab's pages
 * are read and written through `later`, once storage may be touched.
 */
export const onQuickBack = (
  report: Report<QuickBackEvent>,
  thresholds: Thresholds['quickBack'],
  later: (work: () => void) => void,
  signal: AbortSignal,
) =>
  onPageview((url) => {
    const now = Date.now();
    later(() => {
      // Newest first: [url, time it was entered].
      const [left, before] = JSON.parse(sessionStorage.getItem(KEY) || '[]') as [string, number][];
      if (left && before?.[0] === url && left[0] !== url && now - left[1] <= thresholds.within)
        report({ type: 'quick_back', to: left[0], duration: now - left[1] });
      sessionStorage.setItem(KEY, JSON.stringify([[url, now], left]));
    });
  }, signal);
