import { CONTROL } from '../lib/control';
import { elementOf } from '../lib/elementOf';
import { elementTarget } from '../lib/elementTarget';
import { listen } from '../lib/listen';
import type { DeadClickEvent, Thresholds } from '../protocol';
import type { Report } from './types';

/** The published default of `dead_click`: 2500 ms without any reaction. */
export const DeadClickThresholds: Thresholds['deadClick'] = { wait: 2500 };

/** Pulse's own survey element: what happens in and to it is never the page's reaction to a click. */
const OWN = 'pulse-survey';

/** Tells whether a node is Pulse's survey element or inside it. */
const isOwn = (node: Node) => node instanceof Element && !!node.closest(OWN);

/** Tells whether a DOM change is Pulse's own: its survey element changed, added or removed. */
const isOwnChange = (record: MutationRecord) =>
  isOwn(record.target) || (record.type === 'childList' && [...record.addedNodes, ...record.removedNodes].every(isOwn));

/** The element that has focus, where Pulse's survey (which gives focus back as it closes) counts as the page. */
const focusedInPage = () => {
  const active = document.activeElement;
  return active && !isOwn(active) ? active : document.body;
};

/**
 * Reports a click on something that looks interactive (a link, a button, `[role=button]`, `cursor: pointer`)
 * followed within `wait` ms by no DOM change, navigation, scroll (of the page or an element), text selection,
 * focus change or network request (Resource Timing lists a request once it has finished), until `signal` aborts.
 * Pulse's own doings are no reaction: its survey appearing, changing or closing, and requests to the URLs in
 * `ours`. A click that led to an error is an error click instead, and one on a form field or label never counts:
 * they react without touching the DOM. A burst of clicks on one element, each within `burst.interval` ms of the
 * previous (a rage click), is one frustration: only its first click can be a dead click.
 */
export const onDeadClick = (
  report: Report<DeadClickEvent>,
  thresholds: Thresholds['deadClick'],
  burst: Thresholds['rageClick'],
  ours: string[],
  signal: AbortSignal,
) => {
  let reacted = 0;
  let previous: { element: Element; timeStamp: number } | undefined;
  const react = (time: number) => {
    if (time > reacted) reacted = time;
  };
  const mutations = new MutationObserver((records) => {
    if (!records.every(isOwnChange)) react(performance.now());
  });
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
      const element = elementOf(event);
      if (
        !element ||
        element.closest('input,select,textarea,label') ||
        !(element.matches(CONTROL) || getComputedStyle(element).cursor === 'pointer')
      )
        return;
      const { timeStamp } = event;
      const inBurst = previous?.element === element && timeStamp - previous.timeStamp <= burst.interval;
      previous = { element, timeStamp };
      if (inBurst) return;
      const url = location.href;
      const focus = focusedInPage();
      setTimeout(() => {
        if (reacted < timeStamp && url === location.href && focus === focusedInPage() && !document.hidden)
          report({ type: 'dead_click', ...elementTarget(element) });
      }, thresholds.wait);
    },
    signal,
  );
};
