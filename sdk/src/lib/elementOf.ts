import { CONTROL } from './control';

/**
 * The element an event is attributed to: the button or link it happened in, else the element it happened on;
 * nothing inside a `data-pulse-ignore` subtree or Pulse's own survey.
 */
export const elementOf = (event: Event): Element | undefined => {
  const { target } = event;
  return target instanceof Element && !target.closest('[data-pulse-ignore],pulse-survey')
    ? (target.closest(CONTROL) ?? target)
    : undefined;
};
