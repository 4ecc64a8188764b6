import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { EventBatch, PulseEvent } from '@pulse/sdk/protocol';
import type { FrictionStats } from '../../../collector/src/aggregates/friction/schema';
import { COLLECTOR } from './ports.mjs';
import { site } from './site';

/** A stats route of the scenario's site, read with its read key, as a product team would. */
export const stats = async <T>(
  route: 'friction' | 'vitals' | 'funnels' | 'impact' | 'forms',
  query: Record<string, string> = {},
) => {
  const response = await fetch(`${COLLECTOR}/v1/sites/${site().id}/stats/${route}?${new URLSearchParams(query)}`, {
    headers: { Authorization: `Bearer ${site().readKey}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

/** The friction stats, as the collector's schema types them. */
export type { FrictionStats };

/** The friction stats of one page and device class. */
export const friction = (path: string, device: string) => stats<FrictionStats>('friction', { path, device });

/** Every request the browser context sends, with its body: what reached the collector, and everything else. */
export const recordRequests = (context: BrowserContext) => {
  const requests: { url: string; body: string }[] = [];
  context.on('request', (request) => requests.push({ url: request.url(), body: request.postData() ?? '' }));
  return {
    requests,
    /**
     * The events posted to the collector so far, each once: a request whose answer the page never saw (it navigated
     * away first) is sent again by the next page, with the same event ids, and the collector counts it once.
     */
    events: (): PulseEvent[] => [
      ...new Map(
        requests
          .filter((request) => request.url === `${COLLECTOR}/v1/events`)
          .flatMap((request) => (JSON.parse(request.body) as EventBatch).events)
          .map((event) => [event.id, event]),
      ).values(),
    ],
  };
};

/** Waits for the SDK, and so its friction detectors, to start on the page. */
export const sdkReady = async (page: Page) => {
  await page.waitForFunction(() => typeof (window as { pulse?: { flush?: unknown } }).pulse?.flush === 'function');
};

/** Starts listing the types of the signals the page's SDK reports; `signals()` reads the list so far. */
export const recordSignals = async (page: Page) => {
  await page.evaluate(() => {
    const signals: string[] = [];
    Object.assign(window, { signals });
    (window as unknown as { pulse: (...args: unknown[]) => unknown }).pulse('on', 'signal', (event: { type: string }) =>
      signals.push(event.type),
    );
  });
  return { signals: () => page.evaluate(() => (window as unknown as { signals: string[] }).signals) };
};

/** Sends what waits in the page's outbox now, instead of within the next 5 s. */
export const flush = async (page: Page) => {
  await sdkReady(page);
  await page.evaluate(() => (window as unknown as { pulse: { flush(): Promise<void> } }).pulse.flush());
};

/** Taps on a phone, clicks on a desktop; the element is scrolled into view first, and the scroll left to settle. */
export const press = async (locator: Locator, isMobile: boolean) => {
  await locator.scrollIntoViewIfNeeded();
  await locator.page().waitForTimeout(200);
  if (isMobile) await locator.tap();
  else await locator.click();
};

/**
 * Presses an element several times in a row, as fast as a visitor's thumb: at its centre, found once, since the
 * actionability checks of a locator's own tap or click before each press can space them past a burst on a busy
 * machine.
 */
export const pressRepeatedly = async (locator: Locator, isMobile: boolean, times: number) => {
  await locator.scrollIntoViewIfNeeded();
  const page = locator.page();
  await page.waitForTimeout(200);
  const box = await locator.boundingBox();
  if (!box) throw new Error('pressRepeatedly: the element is not visible');
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  for (let i = 0; i < times; i++) {
    if (isMobile) await page.touchscreen.tap(x, y);
    else await page.mouse.click(x, y);
  }
};

/** Opens a product page and waits until it has settled: the slow photo loaded and the late banner shown. */
export const openProduct = async (page: Page, id: number) => {
  await page.goto(`/product/${id}`);
  await sdkReady(page);
  await expect(page.locator('.promo')).toBeVisible();
  await page.waitForFunction(() => document.querySelector<HTMLImageElement>('.hero-image')?.complete === true);
};

/** The device class the SDK reports for the current project. */
export const deviceOf = (isMobile: boolean) => (isMobile ? 'mobile' : 'desktop');
