import { eventually } from '../helpers/collector';
import { deviceOf, flush, friction, recordRequests, sdkReady } from '../helpers/friction';
import { expect, test } from '../helpers/site';

/**
 * Scrolls the page to each of `ys` in turn, each once the scroll event of the last has fired and 120 ms have passed.
 * In the page, so that a slow test machine's round trips do not stretch the sequence past the detector's window.
 */
const scrollPage = (page: import('@playwright/test').Page, ys: number[]) =>
  page.evaluate(async (tops) => {
    for (const top of tops) {
      await new Promise<void>((done) => {
        addEventListener('scroll', () => done(), { once: true });
        window.scrollTo(0, top);
      });
      await new Promise((done) => setTimeout(done, 120));
    }
  }, ys);

test('scrolling back and forth four times within 2 s is excessive scrolling', async ({ page, isMobile }) => {
  const device = deviceOf(isMobile);
  const before = await friction('/shop', device);
  const sent = recordRequests(page.context());

  await page.goto('/shop');
  await sdkReady(page);
  await scrollPage(page, [900, 300, 1100, 200, 1000]);
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
  await scrollPage(page, [300, 600, 900, 1200, 1500]);
  await flush(page);
  // The page view went out (and web vitals may have): the batch that would carry the signal was sent.
  expect(
    sent
      .events()
      .filter((event) => event.type !== 'vital')
      .map((event) => event.type),
  ).toEqual(['pageview']);
});
