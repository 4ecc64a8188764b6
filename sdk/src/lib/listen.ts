/** Removes a listener added by `listen`. */
export type Unlisten = () => void;

/**
 * Adds a passive, capturing event listener and returns the function that removes it; aborting `signal`
 * removes it too. The handler's errors are swallowed: they must reach neither the page nor Pulse's error capture.
 */
export const listen = <E extends Event = Event>(
  target: EventTarget,
  type: string,
  handler: (event: E) => void,
  signal?: AbortSignal,
): Unlisten => {
  const options = { capture: true, passive: true, signal };
  const safe = (event: Event) => {
    try {
      handler(event as E);
    } catch {
      // Never break the host page.
    }
  };
  target.addEventListener(type, safe, options);
  return () => target.removeEventListener(type, safe, options);
};
