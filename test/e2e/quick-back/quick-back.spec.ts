import { eventually } from '../helpers/collector';
import { deviceOf, flush, friction, press, recordRequests, sdkReady } from '../helpers/friction';
import { expect, test } from '../helpers/site';

test('opening a product and coming straight back is a quick back', { tag: '@alone' }, async ({ page, isMobile }) => {
  const device = deviceOf(isMobile);
  const before = await friction('/shop', device);
  const sent = recordRequests(page.context());

  await page.goto('/shop');
  await sdkReady(page);
  await press(page.getByRole('link', { name: /Halo pendant/ }).first(), isMobile);
  // Not until the load event: the 5 s run from the product's page view, and a busy machine may take seconds to load.
  await page.waitForURL('**/product/3', { waitUntil: 'commit' });
  await sdkReady(page);
  await page.waitForTimeout(1000);
  await page.goBack();
  await page.waitForURL('**/shop');
  await flush(page);

  const backs = sent.events().filter((event) => event.type === 'quick_back');
  expect(backs).toEqual([expect.objectContaining({ url: '/shop', to: '/product/3', device })]);
  const duration = backs[0]!.type === 'quick_back' ? backs[0]!.duration : 0;
  expect(duration).toBeGreaterThanOrEqual(1000);
  expect(duration).toBeLessThan(5000);

  const after = await eventually(
    () => friction('/shop', device),
    (stats) => stats.signals.quick_back!.count > before.signals.quick_back!.count,
  );
  expect(after.signals.quick_back!.count).toBe(before.signals.quick_back!.count + 1);
});

test('coming back after more than 5 s is no quick back', { tag: '@alone' }, async ({ page, isMobile }) => {
  const sent = recordRequests(page.context());
  await page.goto('/shop');
  await sdkReady(page);
  await press(page.getByRole('link', { name: /Ember bedside lamp/ }).first(), isMobile);
  await page.waitForURL('**/product/4');
  await page.waitForTimeout(5500);
  await page.goBack();
  await page.waitForURL('**/shop');
  await flush(page);
  expect(sent.events().filter((event) => event.type === 'pageview').length).toBeGreaterThanOrEqual(2);
  expect(sent.events().filter((event) => event.type === 'quick_back')).toEqual([]);
});
