import { type MetricWithAttribution, onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals/attribution';
import { nextTask } from '../lib/nextTask';
import { selector } from '../lib/selector';
import type { VitalEvent } from '../protocol';
import type { Report } from '../signals/types';

/** The path and query of a URL, the form in which events record it. */
const pathOf = (url: string | undefined): string | undefined => {
  if (!url) return undefined;
  const { pathname, search } = new URL(url, location.href);
  return pathname + search;
};

/** Names an attribution target with Pulse's own selector; nothing inside `data-pulse-ignore`. */
const generateTarget = (node: Node | null): string | undefined =>
  node instanceof Element && !node.closest('[data-pulse-ignore]') ? selector(node) : undefined;

/**
 * The web-vitals chunk's entry point: reports LCP, INP, CLS, FCP and TTFB with their attribution target,
 * under web-vitals' metric id (one record per id: the collector keeps the last value) and the URL of the
 * navigation they measure. Each metric starts in a task of its own: together they would make a long task on a slow
 * phone.
 */
export const startVitals = async (report: Report<VitalEvent>): Promise<void> => {
  const send = ({ name, value, id, attribution, navigationURL }: MetricWithAttribution) => {
    const parts = attribution as { target?: string; interactionTarget?: string; largestShiftTarget?: string };
    report({
      type: 'vital',
      name,
      value,
      metric: id,
      target: parts.target ?? parts.interactionTarget ?? parts.largestShiftTarget,
      url: pathOf(navigationURL),
    });
  };
  for (const on of [onCLS, onFCP, onINP, onLCP, onTTFB]) {
    on(send, { generateTarget });
    await nextTask();
  }
};
