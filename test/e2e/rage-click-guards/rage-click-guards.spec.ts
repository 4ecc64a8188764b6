import { flush, openProduct, pressRepeatedly, recordRequests, sdkReady } from '../helpers/friction';
import { expect, test } from '../helpers/site';

/** Waits out a burst, sends what waits, and checks that the batch went out without a rage click. */
const expectNoRage = async (page: import('@playwright/test').Page, sent: ReturnType<typeof recordRequests>) => {
  await page.waitForTimeout(1500);
  await flush(page);
  expect(sent.events().some((event) => event.type === 'pageview')).toBe(true);
  expect(sent.events().filter((event) => event.type === 'rage_click')).toEqual([]);
};

test('pressing a quantity stepper quickly is not rage', async ({ page, isMobile }) => {
  const sent = recordRequests(page.context());
  await openProduct(page, 1);
  await pressRepeatedly(page.getByRole('button', { name: '+', exact: true }), isMobile, 5);
  await pressRepeatedly(page.getByRole('button', { name: '−', exact: true }), isMobile, 5);
  await expect(page.locator('#quantity')).toHaveText('1');
  await expectNoRage(page, sent);
});

test('paging through reviews quickly is not rage', async ({ page, isMobile }) => {
  const sent = recordRequests(page.context());
  await openProduct(page, 2);
  await pressRepeatedly(page.getByRole('button', { name: 'Next ›' }), isMobile, 4);
  await pressRepeatedly(page.getByRole('button', { name: '‹ Prev' }), isMobile, 4);
  await expectNoRage(page, sent);
});

test('tapping into a form field again and again is not rage', async ({ page, isMobile }) => {
  const sent = recordRequests(page.context());
  await page.goto('/checkout');
  await sdkReady(page);
  await pressRepeatedly(page.getByLabel('Postcode'), isMobile, 4);
  await expectNoRage(page, sent);
});

test('a triple click that selects a paragraph is reading, not rage', async ({ page, isMobile }) => {
  test.skip(isMobile, 'Phones select text with a long press, not with repeated taps.');
  const sent = recordRequests(page.context());
  await openProduct(page, 3);
  await page.locator('#description').click({ clickCount: 3 });
  expect(await page.evaluate(() => `${getSelection()}`)).toContain('Warm, dimmable light');
  await expectNoRage(page, sent);
});

test('an element inside data-pulse-ignore is never reported', async ({ page, isMobile }) => {
  const sent = recordRequests(page.context());
  await page.goto('/lab/ignored');
  await sdkReady(page);
  await page.evaluate(() => {
    const wrapper = document.createElement('div');
    wrapper.setAttribute('data-pulse-ignore', '');
    document.querySelector('#lab-button')!.before(wrapper);
    wrapper.append(document.querySelector('#lab-button')!);
  });
  await page.waitForTimeout(300);
  await pressRepeatedly(page.locator('#lab-button'), isMobile, 4);
  await page.waitForTimeout(2000);
  await expectNoRage(page, sent);
  expect(sent.events().filter((event) => event.type === 'dead_click')).toEqual([]);
});
