import type { JsErrorEvent } from '../protocol';
import { listen } from './listen';

/** What Pulse records of an uncaught error or unhandled rejection (the collector cuts long texts and strips queries). */
export type UncaughtError = Pick<JsErrorEvent, 'message' | 'file' | 'line' | 'col' | 'stack' | 'rejection'>;

/** Calls `handler` with every uncaught error and unhandled rejection of the page, until `signal` aborts. */
export const onUncaught = (handler: (error: UncaughtError) => void, signal: AbortSignal): void => {
  for (const type of ['error', 'unhandledrejection'])
    listen<Event & Partial<ErrorEvent> & { reason?: unknown }>(
      window,
      type,
      (event) => {
        const rejection = 'reason' in event;
        const error = (rejection ? event.reason : event.error) as Error | undefined;
        // A failed image or script load reaches a capturing listener as a plain Event: not a script error.
        if (rejection || event instanceof ErrorEvent)
          handler({
            message: `${event.message ?? error?.message ?? error}`,
            file: event.filename,
            line: event.lineno,
            col: event.colno,
            stack: error?.stack
              ?.split('\n')
              .filter((line) => /:\d/.test(line))
              .slice(0, 5),
            rejection,
          });
      },
      signal,
    );
};
