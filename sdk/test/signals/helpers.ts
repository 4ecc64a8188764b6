import { vi } from 'vitest';
import type { PulseEvent } from '../../src/protocol';
import type { Signal } from '../../src/signals/types';

/** Fake timers that also drive `performance.now()`, and so every event's `timeStamp`. */
export const fakeTime = () =>
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance', 'requestIdleCallback'] });

/** A report callback that keeps what it was given. */
export const recorder = <E extends PulseEvent = PulseEvent>() => {
  const reported: Signal<E>[] = [];
  return { reported, report: (event: Signal<E>) => void reported.push(event) };
};

/** Dispatches a click at a viewport position on an element, as a browser would (bubbling, composed). */
export const click = (element: Element, x = 10, y = 10) =>
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));

/** Replaces the page's body. */
export const page = (html: string) => {
  document.body.innerHTML = html;
  return (selector: string) => document.querySelector(selector)!;
};
