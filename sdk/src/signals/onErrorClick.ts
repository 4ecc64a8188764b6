import { elementOf } from '../lib/elementOf';
import { elementTarget } from '../lib/elementTarget';
import { listen } from '../lib/listen';
import { onUncaught } from '../lib/onUncaught';
import type { ErrorClickEvent, Thresholds } from '../protocol';
import type { Report } from './types';

/** The published default of `error_click`: 1000 ms from the click to the error. */
export const ErrorClickThresholds: Thresholds['errorClick'] = { wait: 1000 };

/** Reports a click followed within `wait` ms by an uncaught error or unhandled rejection, once per click, until `signal` aborts. */
export const onErrorClick = (
  report: Report<ErrorClickEvent>,
  thresholds: Thresholds['errorClick'],
  signal: AbortSignal,
) => {
  let clicked: Element | undefined;
  let time = 0;
  listen(
    document,
    'click',
    (event) => {
      clicked = elementOf(event);
      time = performance.now();
    },
    signal,
  );
  onUncaught(({ message }) => {
    if (clicked && performance.now() - time <= thresholds.wait)
      report({ type: 'error_click', message, ...elementTarget(clicked) });
    clicked = undefined;
  }, signal);
};
