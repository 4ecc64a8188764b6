import type { PulseListeners } from '../client';

/**
 * The host's listeners to SDK events: `_on` adds one and returns the function that removes it; `_emit` calls each
 * with a detail, and a handler's error stays the host's: it never stops Pulse.
 */
export const listeners = () => {
  // No prototype: `on('__proto__', …)` gets a list of its own like any other name.
  const byName: { [K in keyof PulseListeners]?: PulseListeners[K][] } = Object.create(null);
  return {
    _on<K extends keyof PulseListeners>(name: K, handler: PulseListeners[K]) {
      const list = (byName[name] ??= []) as PulseListeners[K][];
      list.push(handler);
      // `>>> 0` turns a missing handler's -1 into an index past the end, so a second call removes nothing.
      return () => void list.splice(list.indexOf(handler) >>> 0, 1);
    },
    _emit<K extends keyof PulseListeners>(name: K, detail: Parameters<PulseListeners[K]>[0]) {
      for (const handler of byName[name] ?? []) {
        try {
          (handler as (value: typeof detail) => void)(detail);
        } catch {
          // A host handler's error is the host's.
        }
      }
    },
  };
};
