import type { VitalEvent } from '@pulse/sdk/protocol';
import type { VitalStats } from '../../../collector/src/aggregates/vitals/schema';
import { eventually, settled } from '../helpers/collector';
import { deviceOf, flush, openProduct, press, recordRequests, stats } from '../helpers/friction';
import { expect, test } from '../helpers/site';

const group = (body: VitalStats, name: string, device: string) =>
  body.groups.find((entry) => entry.name === name && entry.path === '/product/:id' && entry.device === device);

test('a slow hero photo and a late banner show up as LCP and CLS, with targets, in the vitals stats', async ({
  page,
  isMobile,
}) => {
  const device = deviceOf(isMobile);
  // Product pages of earlier tests may still be sending their final vitals as they close.
  const before = await settled(() => stats<VitalStats>('vitals', { path: '/product/5', device }));
  const sent = recordRequests(page.context());

  await openProduct(page, 5);
  // web-vitals arrives as its own chunk once the page is idle.
  await expect
    .poll(() =>
      page.evaluate(() =>
        performance.getEntriesByType('resource').some((entry) => /\/sdk\/vitals-[\w-]+\.js$/.test(entry.name)),
      ),
    )
    .toBe(true);
  await page.waitForTimeout(500);
  await press(page.getByRole('button', { name: 'Add to cart' }), isMobile);
  // web-vitals processes an interaction when the page is next idle (at most 1 s later).
  await page.waitForTimeout(1500);
  // The visitor switches to another tab: web-vitals reports the final CLS and INP.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await flush(page);

  const vitals = sent.events().filter((event): event is VitalEvent => event.type === 'vital');
  const byName = Object.fromEntries(vitals.map((event) => [event.name, event]));
  expect(Object.keys(byName).sort()).toEqual(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']);
  for (const event of vitals) expect(event.url).toBe('/product/5');
  // The photo is held back 3 s by the demo server.
  expect(byName.LCP!.value).toBeGreaterThan(3000);
  expect(byName.LCP!.target).toBe('main>article.product>div>img.hero-image');
  expect(byName.CLS!.value).toBeGreaterThan(0);
  expect(byName.CLS!.target).toBeTruthy();
  expect(byName.INP!.target).toBe('#add');
  // One record per metric id.
  expect(new Set(vitals.map((event) => event.metric)).size).toBe(5);

  const after = await eventually(
    () => stats<VitalStats>('vitals', { path: '/product/5', device }),
    (body) => (group(body, 'CLS', device)?.n ?? 0) > (group(before, 'CLS', device)?.n ?? 0),
  );
  for (const name of ['LCP', 'CLS', 'INP', 'FCP', 'TTFB'])
    expect(group(after, name, device)?.n, name).toBe((group(before, name, device)?.n ?? 0) + 1);
  const lcp = group(after, 'LCP', device)!;
  expect(lcp.p75).toBeGreaterThan(2500);
  expect(lcp.rating).not.toBe('good');
  expect(group(after, 'CLS', device)!.p75).toBeGreaterThan(0);
});
