import { listen } from '../lib/listen';
import type { ExcessiveScrollEvent, Thresholds } from '../protocol';
import type { Report } from './types';

/** The published defaults of `excessive_scroll`: 4 changes of direction within 2000 ms. */
export const ExcessiveScrollThresholds: Thresholds['excessiveScroll'] = { changes: 4, within: 2000 };

/**
 * Reports scrolling the page back and forth, at least `changes` changes of direction within `within` ms, until
 * `signal` aborts. The position is read in scroll events and through `later` (once the page has loaded and been
 * idle), never while the page is being laid out, where reading `scrollY` forces a layout.
 */
export const onExcessiveScroll = (
  report: Report<ExcessiveScrollEvent>,
  thresholds: Thresholds['excessiveScroll'],
  later: (work: () => void) => void,
  signal: AbortSignal,
) => {
  let y: number | undefined;
  let direction = 0;
  later(() => (y ??= scrollY));
  let changes: number[] = [];
  listen(
    window,
    'scroll',
    ({ timeStamp }) => {
      // Scrolling inside an element also reaches a capturing listener, but leaves scrollY as it was.
      // Before the first read, the page is taken to have been at the top, as most pages load.
      const next = Math.sign(scrollY - (y ?? 0));
      y = scrollY;
      if (!next || next === direction) return;
      if (direction) {
        changes = [...changes.filter((time) => timeStamp - time <= thresholds.within), timeStamp];
        if (changes.length >= thresholds.changes) {
          report({ type: 'excessive_scroll', changes: changes.length });
          changes = [];
        }
      }
      direction = next;
    },
    signal,
  );
};
