import { eventually } from '../helpers/collector';
import { closeTab } from '../helpers/delivery';
import { deviceOf, friction } from '../helpers/friction';
import { COLLECTOR } from '../helpers/ports.mjs';
import { expect, test } from '../helpers/site';

/** Records, in the page, when each storage API and each request to the collector is first used, and the load and idle times. */
const instrument = () => {
  const uses: { what: string; at: number }[] = [];
  const marks: Record<string, number> = {};
  Object.assign(window, { pulseTestUses: uses, pulseTestMarks: marks });
  const note = (what: string) => uses.push({ what, at: performance.now() });
  for (const name of ['getItem', 'setItem', 'removeItem'] as const) {
    const original = Storage.prototype[name] as (...args: unknown[]) => unknown;
    Storage.prototype[name] = function (this: Storage, ...args: unknown[]) {
      note(this === sessionStorage ? 'sessionStorage' : 'localStorage');
      return original.apply(this, args);
    } as never;
  }
  const open = indexedDB.open.bind(indexedDB);
  indexedDB.open = (...args: Parameters<typeof indexedDB.open>) => {
    note('indexedDB');
    return open(...args);
  };
  const fetchOriginal = window.fetch.bind(window);
  window.fetch = (input, init) => {
    note(`fetch ${String(input instanceof Request ? input.url : input).replace(/^.*\/v1\//, '/v1/')}`);
    return fetchOriginal(input, init);
  };
  addEventListener('load', () => {
    marks.load = performance.now();
    // Idle as Pulse waits for it: an idle period after the load event, or 500 ms, whichever comes first.
    requestIdleCallback(() => (marks.idle = performance.now()), { timeout: 500 });
  });
};

test(
  'before the load event and an idle period, Pulse touches no storage and requests no config',
  { tag: '@alone' },
  async ({ page }, testInfo) => {
    await page.addInitScript(instrument);
    await page.goto(`/lab/startup-idle-${testInfo.project.name}`);
    await page.waitForFunction(() => (window as unknown as { pulseTestUses: unknown[] }).pulseTestUses.length >= 3);
    await page.waitForTimeout(500);
    const { uses, marks } = await page.evaluate(() => ({
      uses: (window as unknown as { pulseTestUses: { what: string; at: number }[] }).pulseTestUses,
      marks: (window as unknown as { pulseTestMarks: Record<string, number> }).pulseTestMarks,
    }));
    const kinds = new Set(uses.map((use) => use.what));
    for (const kind of ['localStorage', 'sessionStorage', 'indexedDB', 'fetch /v1/sites/'])
      expect(
        [...kinds].some((what) => what.startsWith(kind)),
        kind,
      ).toBe(true);
    expect(marks.idle).toBeGreaterThan(marks.load!);
    for (const use of uses) expect(use.at, use.what).toBeGreaterThanOrEqual(marks.idle!);
  },
);

test(
  'a page view captured before the load event still arrives, once, when the visitor closes the tab at once',
  { tag: '@alone' },
  async ({ context, page, isMobile }, testInfo) => {
    // No digits in the path: the collector's stats count a segment with digits in a long token as an id (`:id`).
    const token = Date.now()
      .toString(36)
      .replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!);
    const path = `/lab/before-load-${token}-${testInfo.project.name}`;
    const requests: string[] = [];
    context.on('request', (request) => {
      if (request.url().startsWith(COLLECTOR) && !request.url().includes('/sdk/')) requests.push(request.url());
    });
    // An image that never arrives holds the load event back, so Pulse never starts before the tab closes.
    await page.route('**/never.png', () => undefined);
    await page.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        const image = document.createElement('img');
        image.src = '/never.png';
        document.body.append(image);
      }),
    );
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => typeof (window as { pulse?: { flush?: unknown } }).pulse?.flush === 'function');
    expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
    expect(requests).toEqual([]);
    await closeTab(page);

    const device = deviceOf(isMobile);
    const stats = await eventually(
      () => friction(path, device),
      (body) => body.pageviews > 0,
    );
    // No page of the site is open afterwards, and nothing was sent before the close: only the send made as the tab
    // closed can have brought it (Playwright does not always see a request made while a page closes).
    expect(stats.pageviews).toBe(1);
  },
);
