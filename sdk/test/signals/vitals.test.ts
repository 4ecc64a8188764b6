import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { VitalEvent } from '../../src/protocol';
import type { Signal } from '../../src/signals/types';

type Callback = (metric: Record<string, unknown>) => void;
const callbacks = vi.hoisted(() => new Map<string, { callback: Callback; options: Record<string, unknown> }>());

vi.mock('web-vitals/attribution', () => {
  const on = (name: string) => (callback: Callback, options: Record<string, unknown>) =>
    callbacks.set(name, { callback, options });
  return { onCLS: on('CLS'), onFCP: on('FCP'), onINP: on('INP'), onLCP: on('LCP'), onTTFB: on('TTFB') };
});

const { startVitals } = await import('../../src/vitals/index');

describe('startVitals (the web-vitals chunk)', () => {
  let reported: Signal<VitalEvent>[];
  beforeEach(async () => {
    callbacks.clear();
    reported = [];
    await startVitals((event) => reported.push(event));
  });

  it('starts each metric in a task of its own', async () => {
    callbacks.clear();
    const started = startVitals(() => undefined);
    // The first metric starts at once, the others after as many yields.
    expect(callbacks.size).toBe(1);
    await started;
    expect(callbacks.size).toBe(5);
  });

  it('listens to the five vitals and reports each under its metric id, with its target and navigation URL', () => {
    expect([...callbacks.keys()].sort()).toEqual(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']);
    callbacks.get('LCP')!.callback({
      name: 'LCP',
      value: 3120.5,
      id: 'v5-1-2',
      navigationURL: 'https://shop.test/product/7?ref=home#top',
      attribution: { target: 'main>img.hero' },
    });
    callbacks
      .get('INP')!
      .callback({ name: 'INP', value: 96, id: 'v5-3-4', attribution: { interactionTarget: '#buy' } });
    callbacks
      .get('CLS')!
      .callback({ name: 'CLS', value: 0.31, id: 'v5-5-6', attribution: { largestShiftTarget: '#ad' } });
    callbacks.get('TTFB')!.callback({ name: 'TTFB', value: 80, id: 'v5-7-8', attribution: {} });
    expect(reported).toEqual([
      {
        type: 'vital',
        name: 'LCP',
        value: 3120.5,
        metric: 'v5-1-2',
        target: 'main>img.hero',
        url: '/product/7?ref=home',
      },
      { type: 'vital', name: 'INP', value: 96, metric: 'v5-3-4', target: '#buy', url: undefined },
      { type: 'vital', name: 'CLS', value: 0.31, metric: 'v5-5-6', target: '#ad', url: undefined },
      { type: 'vital', name: 'TTFB', value: 80, metric: 'v5-7-8', target: undefined, url: undefined },
    ]);
  });

  it("names targets with Pulse's selector, and never inside data-pulse-ignore", () => {
    document.body.innerHTML = '<main><img class="hero"></main><div data-pulse-ignore><p id="secret"></p></div>';
    const generateTarget = callbacks.get('LCP')!.options.generateTarget as (node: Node | null) => string | undefined;
    expect(generateTarget(document.querySelector('img'))).toBe('main>img.hero');
    expect(generateTarget(document.querySelector('#secret'))).toBeUndefined();
    expect(generateTarget(null)).toBeUndefined();
  });
});
