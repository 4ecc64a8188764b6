import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSignals } from '../../src/signals/startSignals';
import { DEFAULT_THRESHOLDS } from '../../src/thresholds';
import { click, fakeTime, recorder } from './helpers';

describe('startSignals', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('never throws when browser APIs are missing, and keeps the signals it could start', async () => {
    fakeTime();
    vi.stubGlobal('sessionStorage', undefined);
    vi.stubGlobal('MutationObserver', undefined);
    vi.stubGlobal('PerformanceObserver', undefined);
    const { reported, report } = recorder();
    const lifetime = new AbortController();
    expect(() =>
      startSignals(report, structuredClone(DEFAULT_THRESHOLDS), '/sdk/', [], (work) => work(), lifetime.signal),
    ).not.toThrow();
    await vi.dynamicImportSettled();
    document.body.innerHTML = '<button id="b">Go</button>';
    for (let i = 0; i < 3; i++) click(document.querySelector('#b')!);
    vi.advanceTimersByTime(1100);
    window.dispatchEvent(new ErrorEvent('error', { message: 'boom' }));
    lifetime.abort();
    expect(reported.map((event) => event.type)).toEqual(['rage_click', 'js_error']);
  });
});
