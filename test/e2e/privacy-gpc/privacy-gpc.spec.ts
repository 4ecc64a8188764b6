import type { Page } from '@playwright/test';
import { openProduct, press, pressRepeatedly, recordRequests, sdkReady } from '../helpers/friction';
import { COLLECTOR } from '../helpers/ports.mjs';
import { expect, test } from '../helpers/site';

/** Provokes every friction signal the product and checkout pages offer, and leaves. */
const provoke = async (page: Page, isMobile: boolean) => {
  await openProduct(page, 1);
  await pressRepeatedly(page.getByRole('button', { name: 'Size guide' }), isMobile, 4);
  await press(page.getByRole('button', { name: 'Notify me about new colours' }), isMobile);
  await page.waitForTimeout(3000);
  await page.goto('/checkout');
  await sdkReady(page);
  await page.getByLabel('E-mail').fill('gpc@example.com');
  await page.goto('/shop');
  await sdkReady(page);
  await page.evaluate(() => (window as unknown as { pulse: { flush(): Promise<void> } }).pulse.flush());
  await page.waitForTimeout(6000);
};

for (const [name, script] of [
  [
    'Global Privacy Control',
    () => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
  ],
  ['Do Not Track', () => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' })],
] as const)
  test(`with ${name} on, nothing is captured or sent`, async ({ page, isMobile }) => {
    await page.addInitScript(script);
    const sent = recordRequests(page.context());
    await provoke(page, isMobile);
    // No page view, friction or vital leaves. Surveys stay allowed, so the demo's "Something not working?" prompt
    // still follows the rage click on the visitor's screen, and its showing is all that is sent.
    expect(sent.events().map((event) => [event.type, 'survey' in event ? event.survey : undefined])).toEqual([
      ['survey_shown', 'something-wrong'],
    ]);
  });

test('a browser that opted out (localStorage pulse:optout) sends nothing', async ({ page, isMobile }) => {
  await page.addInitScript(() => localStorage.setItem('pulse:optout', 'true'));
  const sent = recordRequests(page.context());
  await provoke(page, isMobile);
  expect(sent.requests.filter((request) => request.url.startsWith(`${COLLECTOR}/v1/events`))).toEqual([]);
});
