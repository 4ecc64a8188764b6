import { afterEach, beforeEach, vi } from 'vitest';
import type { PulseEvent } from '../../src/protocol';
import type { Report, Signal } from '../../src/signals/types';

/** Fake timers that also drive `performance.now()`, and so every event's `timeStamp`. */
export const fakeTime = () =>
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance', 'requestIdleCallback'] });

/** A report callback that keeps what it was given. */
export const recorder = <E extends PulseEvent = PulseEvent>() => {
  const reported: Signal<E>[] = [];
  return { reported, report: (event: Signal<E>) => void reported.push(event) };
};

/**
 * Runs a detector around every test of the enclosing `describe`: before each test, fake time, then `setup`, then
 * `start` with a fresh lifetime; after each, the lifetime ends, stubbed globals and real time return. `reported`
 * lists what the detector reported in the current test; `stop()` ends its lifetime early.
 */
export const runDetector = <E extends PulseEvent = PulseEvent>(
  start: (report: Report<E>, signal: AbortSignal) => void,
  setup?: () => void,
) => {
  const reported: Signal<E>[] = [];
  let lifetime = new AbortController();
  beforeEach(() => {
    fakeTime();
    setup?.();
    reported.length = 0;
    lifetime = new AbortController();
    start((event) => void reported.push(event), lifetime.signal);
  });
  afterEach(() => {
    lifetime.abort();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
  return { reported, stop: () => lifetime.abort() };
};

/** Dispatches a click at a viewport position on an element, as a browser would (bubbling, composed). */
export const click = (element: Element, x = 10, y = 10) =>
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));

/** Replaces the page's body. */
export const page = (html: string) => {
  document.body.innerHTML = html;
  return (selector: string) => document.querySelector(selector)!;
};
