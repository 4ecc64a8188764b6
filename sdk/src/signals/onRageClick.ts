import { elementOf } from '../lib/elementOf';
import { elementTarget } from '../lib/elementTarget';
import { listen } from '../lib/listen';
import type { RageClickEvent, Thresholds } from '../protocol';
import type { Report } from './types';

/** The published defaults of `rage_click`: 3 clicks, each within 30 px (Manhattan) and 1000 ms of the previous. */
export const RageClickThresholds: Thresholds['rageClick'] = { clicks: 3, radius: 30, interval: 1000 };

/** Labels of pagination and stepper controls (next, ‹ prev, 2, +, −, »), which people click repeatedly on purpose. */
const PAGINATION = /^[\s‹›«»<>←→+−–-]*(next\b|prev(ious)?\b|\d+[\s‹›«»<>←→]*$|$)/i;

/**
 * Reports a burst of at least `clicks` clicks, each within `radius` px and `interval` ms of the previous one,
 * once the burst is over, with its clicks as `count`, until `signal` aborts. Ignored: form fields and number steppers,
 * pagination-like labels, and double or triple clicks that selected text.
 */
export const onRageClick = (
  report: Report<RageClickEvent>,
  thresholds: Thresholds['rageClick'],
  signal: AbortSignal,
) => {
  let clicks = 0;
  let element: Element | undefined;
  let last: MouseEvent | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const end = () => {
    // Text left selected means a double or triple click to select, not rage.
    if (clicks >= thresholds.clicks && !`${getSelection()}`)
      report({ type: 'rage_click', count: clicks, ...elementTarget(element!) });
    clicks = 0;
  };
  listen<MouseEvent>(
    document,
    'click',
    (event) => {
      const clicked = elementOf(event);
      const label = clicked && elementTarget(clicked).label;
      clearTimeout(timer);
      if (!clicked || clicked.closest('input,select,textarea,[role=spinbutton]') || (label && PAGINATION.test(label)))
        return end();
      if (
        !last ||
        event.timeStamp - last.timeStamp > thresholds.interval ||
        Math.abs(event.clientX - last.clientX) + Math.abs(event.clientY - last.clientY) > thresholds.radius
      )
        end();
      if (!clicks++) element = clicked;
      last = event;
      timer = setTimeout(end, thresholds.interval);
    },
    signal,
  );
};
