import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExcessiveScrollThresholds, onExcessiveScroll } from '../../src/signals/onExcessiveScroll';
import { onPageview } from '../../src/signals/onPageview';
import { onQuickBack, QuickBackThresholds } from '../../src/signals/onQuickBack';
import { fakeTime, type recorder, runDetector } from './helpers';

describe('onPageview', () => {
  it('reports the first page, every route change, back and forward, and a page restored from the bfcache', () => {
    history.replaceState(null, '', '/a');
    const urls: string[] = [];
    const lifetime = new AbortController();
    const { pushState } = history;
    onPageview((url) => urls.push(url), lifetime.signal);
    history.pushState(null, '', '/b?x=1');
    history.replaceState(null, '', '/b?x=1');
    history.replaceState(null, '', '/c');
    window.dispatchEvent(new Event('popstate'));
    const restored = new Event('pageshow') as Event & { persisted: boolean };
    restored.persisted = true;
    window.dispatchEvent(restored);
    window.dispatchEvent(new Event('pageshow'));
    lifetime.abort();
    history.pushState(null, '', '/d');
    window.dispatchEvent(new Event('popstate'));
    expect(urls).toEqual(['/a', '/b?x=1', '/c', '/c']);
    // The page's own History API is back as it was.
    expect(history.pushState).toBe(pushState);
  });

  it("never throws into the page's pushState", () => {
    const lifetime = new AbortController();
    onPageview((url) => {
      if (url === '/boom') throw new Error('report failed');
    }, lifetime.signal);
    expect(() => history.pushState(null, '', '/boom')).not.toThrow();
    expect(location.pathname).toBe('/boom');
    lifetime.abort();
  });
});

describe('onQuickBack', () => {
  let lifetime: AbortController;
  let reported: ReturnType<typeof recorder>['reported'];
  beforeEach(() => {
    fakeTime();
    sessionStorage.clear();
    history.replaceState(null, '', '/shop');
    lifetime = new AbortController();
    reported = [];
  });
  afterEach(() => {
    lifetime.abort();
    vi.useRealTimers();
  });

  const start = () =>
    onQuickBack(
      (event) => reported.push(event),
      { ...QuickBackThresholds },
      (work) => work(),
      lifetime.signal,
    );

  it('reports coming back to a page within 5 s of leaving it, with the page in between', () => {
    start();
    vi.advanceTimersByTime(10_000);
    history.pushState(null, '', '/product/7');
    vi.advanceTimersByTime(4_999);
    history.replaceState(null, '', '/shop');
    expect(reported).toEqual([{ type: 'quick_back', to: '/product/7', duration: 4_999 }]);
  });

  it('does not report a return after more than 5 s, nor a reload', () => {
    start();
    history.pushState(null, '', '/product/7');
    vi.advanceTimersByTime(5_001);
    history.pushState(null, '', '/shop');
    history.replaceState(null, '', '/shop?');
    expect(reported).toEqual([]);
  });

  it('works across full page loads in the same tab', () => {
    start();
    lifetime.abort();
    history.replaceState(null, '', '/product/7');
    vi.advanceTimersByTime(100);
    lifetime = new AbortController();
    start();
    lifetime.abort();
    vi.advanceTimersByTime(1_500);
    history.replaceState(null, '', '/shop');
    lifetime = new AbortController();
    start();
    expect(reported).toEqual([{ type: 'quick_back', to: '/product/7', duration: 1_500 }]);
  });
});

describe('onExcessiveScroll', () => {
  const { reported } = runDetector(
    (report, signal) => onExcessiveScroll(report, { ...ExcessiveScrollThresholds }, (work) => work(), signal),
    () => window.scrollTo(0, 0),
  );

  /** Scrolls the page to `y` and lets `gap` ms pass. */
  const scrollTo = (y: number, gap = 300) => {
    window.scrollTo(0, y);
    document.dispatchEvent(new Event('scroll', { bubbles: true }));
    vi.advanceTimersByTime(gap);
  };

  it('reports 4 changes of direction within 2 s, once', () => {
    for (const y of [400, 100, 500, 200, 600]) scrollTo(y);
    expect(reported).toEqual([{ type: 'excessive_scroll', changes: 4 }]);
    scrollTo(300);
    expect(reported).toHaveLength(1);
  });

  it('does not report steady scrolling, nor changes spread over more than 2 s', () => {
    for (const y of [100, 200, 300, 400, 800, 1200]) scrollTo(y);
    for (const y of [600, 900, 500, 1000, 400]) scrollTo(y, 700);
    expect(reported).toEqual([]);
  });
});
