import { onUncaught } from '../lib/onUncaught';
import type { JsErrorEvent, Thresholds } from '../protocol';
import type { Report } from './types';

/** The published default of `js_error`: at most 5 reports of the same message per page load. */
export const JsErrorThresholds: Thresholds['jsError'] = { maxPerMessage: 5 };

/**
 * Reports uncaught errors and unhandled rejections until `signal` aborts: message, file, line, column
 * and top frames, at most `maxPerMessage` times per message.
 */
export const onJsError = (report: Report<JsErrorEvent>, thresholds: Thresholds['jsError'], signal: AbortSignal) => {
  const seen = new Map<string, number>();
  onUncaught((error) => {
    const count = (seen.get(error.message) ?? 0) + 1;
    seen.set(error.message, count);
    if (count <= thresholds.maxPerMessage) report({ type: 'js_error', ...error });
  }, signal);
};
