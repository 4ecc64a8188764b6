import { loadVitals } from '../lib/loadVitals';
import type { VitalEvent } from '../protocol';
import type { Report } from './types';

/** Loads the web-vitals chunk once the page is idle (at most 5 s later), unless `signal` aborted, and reports its metrics. */
export const onVitals = (report: Report<VitalEvent>, assets: string, signal: AbortSignal) =>
  // Safari has no requestIdleCallback; setTimeout ignores the options argument.
  (window.requestIdleCallback ?? setTimeout)(
    () =>
      signal.aborted ||
      loadVitals(assets)
        .then((start) => start(report))
        .catch(() => undefined),
    { timeout: 5000 },
  );
