import { expect, test } from '@playwright/test';
import { eventually } from '../helpers/collector';
import { deviceOf, flush, friction, recordRequests, sdkReady } from '../helpers/friction';

/** Scrolls the page to `y` and waits for the scroll event to fire. */
const scrollPage = (page: import('@playwright/test').Page, y: number) =>
  page.evaluate(
    (top) =>
      new Promise<void>((done) => {
        addEventListener('scroll', () => done(), { once: true });
        window.scrollTo(0, top);
      }),
    y,
  );

test('scrolling back and forth four times within 2 s is excessive scrolling', async ({ page, isMobile }) => {
  const device = deviceOf(isMobile);
  const before = await friction('/shop', device);
  const sent = recordRequests(page.context());

  await page.goto('/shop');
  await sdkReady(page);
  for (const y of [900, 300, 1100, 200, 1000]) {
    await scrollPage(page, y);
    await page.waitForTimeout(120);
  }
  await flush(page);

  expect(sent.events().filter((event) => event.type === 'excessive_scroll')).toEqual([
    expect.objectContaining({ url: '/shop', changes: 4, device }),
  ]);
  const after = await eventually(
    () => friction('/shop', device),
    (stats) => stats.signals.excessive_scroll!.count > before.signals.excessive_scroll!.count,
  );
  expect(after.signals.excessive_scroll!.count).toBe(before.signals.excessive_scroll!.count + 1);
});

test('reading down the page, even quickly, is not excessive scrolling', async ({ page }) => {
  const sent = recordRequests(page.context());
  await page.goto('/shop');
  await sdkReady(page);
  for (const y of [300, 600, 900, 1200, 1500]) {
    await scrollPage(page, y);
    await page.waitForTimeout(120);
  }
  await flush(page);
  // The page view went out (and web vitals may have): the batch that would carry the signal was sent.
  expect(
    sent
      .events()
      .filter((event) => event.type !== 'vital')
      .map((event) => event.type),
  ).toEqual(['pageview']);
});
