import { CONTROL } from '../lib/control';
import { elementTarget } from '../lib/elementTarget';
import { listen } from '../lib/listen';
import { targetOf } from '../lib/targetOf';
import type { DeadClickEvent, Thresholds } from '../protocol';
import type { Report } from './types';

/** The published default of `dead_click`: 2500 ms without any reaction. */
export const DeadClickThresholds: Thresholds['deadClick'] = { wait: 2500 };

/**
 * Reports a click on something that looks interactive (a link, a button, `[role=button]`, `cursor: pointer`)
 * followed within `wait` ms by no DOM change, navigation, scroll (of the page or an element), text selection,
 * focus change or network request (Resource Timing lists a request once it has finished; requests to the URLs
 * in `ours`, Pulse's own, do not count), until `signal` aborts. A click that led to an error is an error click
 * instead, and one on a form field or label never counts: they react without touching the DOM.
 */
export const onDeadClick = (
  report: Report<DeadClickEvent>,
  thresholds: Thresholds['deadClick'],
  ours: string[],
  signal: AbortSignal,
) => {
  let reacted = 0;
  const react = (time: number) => {
    if (time > reacted) reacted = time;
  };
  const mutations = new MutationObserver(() => react(performance.now()));
  mutations.observe(document, { attributes: true, characterData: true, childList: true, subtree: true });
  const requests = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!ours.some((url) => entry.name.startsWith(url))) react(entry.startTime);
  });
  requests.observe({ type: 'resource' });
  listen(signal, 'abort', () => {
    mutations.disconnect();
    requests.disconnect();
  });
  for (const type of ['scroll', 'selectionchange', 'error', 'unhandledrejection'])
    listen(
      window,
      type,
      (event) => {
        // A click in text places a collapsed selection; only selected text counts.
        if (type !== 'selectionchange' || `${getSelection()}`) react(event.timeStamp);
      },
      signal,
    );
  listen(
    document,
    'click',
    (event) => {
      const element = targetOf(event);
      if (
        !element ||
        element.closest('input,select,textarea,label') ||
        !(element.matches(CONTROL) || getComputedStyle(element).cursor === 'pointer')
      )
        return;
      const { timeStamp } = event;
      const url = location.href;
      const focus = document.activeElement;
      setTimeout(() => {
        if (reacted < timeStamp && url === location.href && focus === document.activeElement && !document.hidden)
          report({ type: 'dead_click', ...elementTarget(element) });
      }, thresholds.wait);
    },
    signal,
  );
};
