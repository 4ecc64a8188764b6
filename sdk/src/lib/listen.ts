/**
 * Adds a passive, capturing event listener until `signal` aborts. The handler's errors are swallowed: they must
 * reach neither the page nor Pulse's error capture.
 */
export const listen = <E extends Event = Event>(
  target: EventTarget,
  type: string,
  handler: (event: E) => void,
  signal?: AbortSignal,
): void =>
  target.addEventListener(
    type,
    (event) => {
      try {
        handler(event as E);
      } catch {
        // Never break the host page.
      }
    },
    { capture: true, passive: true, signal },
  );
