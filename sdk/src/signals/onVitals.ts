import { loadChunk } from '../lib/loadChunk';
import type { VitalEvent } from '../protocol';
import type { Report } from './types';

/**
 * Loads the web-vitals chunk once the page has loaded and is then idle (at most 5 s later), unless `signal` aborted,
 * and reports its metrics: it is never part of what a page loads from Pulse before it is idle.
 */
export const onVitals = (report: Report<VitalEvent>, assets: string, signal: AbortSignal) => {
  const load = () =>
    // Safari has no requestIdleCallback; setTimeout ignores the options argument.
    (window.requestIdleCallback ?? setTimeout)(
      () =>
        signal.aborted ||
        loadChunk('vitals', assets)
          .then(({ startVitals }) => startVitals(report))
          .catch(() => undefined),
      { timeout: 5000 },
    );
  if (document.readyState === 'complete') load();
  else addEventListener('load', load, { once: true });
};
