import type { Page } from '@playwright/test';
import { eventually } from '../helpers/collector';
import {
  deviceOf,
  flush,
  friction,
  openProduct,
  press,
  pressRepeatedly,
  recordRequests,
  sdkReady,
} from '../helpers/friction';
import { COLLECTOR } from '../helpers/ports.mjs';
import { expect, site, test } from '../helpers/site';
import { dialog, expectNoSurvey, settle } from '../helpers/surveys';

/** The demo's control panel, opened. */
const openPanel = async (page: Page) => {
  const panel = page.locator('details.panel');
  if (!(await panel.getAttribute('open'))) await panel.getByText('Demo controls', { exact: true }).click();
  return panel;
};

/** One of the demo site's survey aggregates for one survey and device class. */
const surveyStats = async (route: 'csat' | 'ces', survey: string, device: string) => {
  const response = await fetch(
    `${COLLECTOR}/v1/sites/${site().id}/stats/${route}?${new URLSearchParams({ survey, device })}`,
    {
      headers: { Authorization: `Bearer ${site().readKey}` },
    },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { n: number }).n;
};

/** The demo site's stored free-text answers to one survey that contain `text`. */
const verbatims = async (survey: string, text: string) => {
  const query = new URLSearchParams({ survey, kind: 'text', q: text });
  const response = await fetch(`${COLLECTOR}/v1/sites/${site().id}/responses?${query}`, {
    headers: { Authorization: `Bearer ${site().readKey}` },
  });
  return ((await response.json()) as { answers: { value: string; path: string }[] }).answers;
};

/** Taps on a phone, clicks on a desktop, a score of the open survey. */
const choose = (page: Page, score: string, isMobile: boolean) =>
  press(dialog(page).getByRole('radio', { name: score, exact: true }), isMobile);

test('the NPS prompt waits for the second visit, which "Come back later" starts at once', async ({ page }) => {
  await page.goto('/');
  await settle(page);
  await expectNoSurvey(page);
  const panel = await openPanel(page);
  await expect(panel.getByRole('status')).toContainText('Visit 1 of this visitor.');

  await panel.getByRole('button', { name: 'Come back later' }).click();
  await expect(dialog(page)).toHaveAccessibleName('How likely are you to recommend Lumen to a friend?');
  await expect((await openPanel(page)).getByRole('status')).toContainText('Visit 2 of this visitor.');
});

test('a message to support asks how satisfied the visitor is with the help (CSAT)', async ({ page, isMobile }) => {
  const device = deviceOf(isMobile);
  const before = await surveyStats('csat', 'support-csat', device);
  await page.goto('/support');
  await sdkReady(page);
  await page.getByLabel('Message').fill('Where is my order?');
  await press(page.getByRole('button', { name: 'Send message' }), isMobile);
  await expect(page.getByText('Thanks, we will answer within a day.')).toBeVisible();
  await expect(dialog(page)).toHaveAccessibleName('How satisfied are you with the help you found here?');
  await choose(page, '2', isMobile);
  await expect(dialog(page).getByRole('heading', { name: 'What were you looking for?' })).toBeVisible();
  await flush(page);
  expect(
    await eventually(
      () => surveyStats('csat', 'support-csat', device),
      (n) => n > before,
    ),
  ).toBe(before + 1);
});

test('after an order, CES asks how easy the checkout was', async ({ page, isMobile }) => {
  const device = deviceOf(isMobile);
  const before = await surveyStats('ces', 'checkout-ces', device);
  await openProduct(page, 5);
  await press(page.getByRole('button', { name: 'Add to cart' }), isMobile);
  await press(page.getByRole('link', { name: 'Go to your cart' }), isMobile);
  await press(page.getByRole('link', { name: 'Checkout' }), isMobile);
  await page.waitForURL('**/checkout');
  for (const [label, value] of [
    ['E-mail', 'mae@example.com'],
    ['Full name', 'Mae Jemison'],
    ['Address', '1 Space Road'],
    ['Postcode', '35801'],
    ['Card number', '4242 4242 4242 4242'],
  ])
    await page.getByLabel(label!).fill(value!);
  await press(page.getByRole('button', { name: 'Place order' }), isMobile);
  await page.waitForURL('**/checkout/done');
  await expect(dialog(page)).toHaveAccessibleName('Placing my order was easy.');
  await choose(page, '6', isMobile);
  await expect(dialog(page).getByRole('heading', { name: 'Thank you for your feedback!' })).toBeVisible();
  await flush(page);
  expect(
    await eventually(
      () => surveyStats('ces', 'checkout-ces', device),
      (n) => n > before,
    ),
  ).toBe(before + 1);
});

test('a rage click asks "Something not working?", and the answer is stored as a verbatim', async ({
  page,
  isMobile,
}) => {
  // Letters only: a long run of digits would be scrubbed as a phone number before it is stored.
  const tag = Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  const words = `The size guide never opens (${test.info().project.name} ${tag})`;
  await openProduct(page, 1);
  await pressRepeatedly(page.getByRole('button', { name: 'Size guide' }), isMobile, 3);
  await expect(dialog(page)).toHaveAccessibleName('Something not working? Tell us what you were trying to do.');
  await dialog(page).getByRole('textbox').fill(words);
  await press(dialog(page).getByRole('button', { name: 'Send' }), isMobile);
  await expect(dialog(page).getByRole('heading', { name: 'Thanks, we are looking into it.' })).toBeVisible();
  await flush(page);
  const stored = await eventually(
    () => verbatims('something-wrong', words),
    (answers) => answers.length > 0,
  );
  expect(stored).toEqual([expect.objectContaining({ value: words, path: '/product/:id' })]);
});

test('"Compare every feature" on the pricing page looks like a link and does nothing: a dead click', async ({
  page,
  isMobile,
}) => {
  const device = deviceOf(isMobile);
  const before = await friction('/pricing', device);
  const sent = recordRequests(page.context());
  await page.goto('/pricing');
  await sdkReady(page);
  await press(page.locator('#compare'), isMobile);
  await page.waitForTimeout(3000);
  await flush(page);
  expect(sent.events().filter((event) => event.type === 'dead_click')).toEqual([
    expect.objectContaining({ target: '#compare', url: '/pricing' }),
  ]);
  const after = await eventually(
    () => friction('/pricing', device),
    (stats) => stats.signals.dead_click!.count > before.signals.dead_click!.count,
  );
  expect(after.signals.dead_click!.count).toBe(before.signals.dead_click!.count + 1);
});

test('"Reset the visitor" starts a new visitor who is asked again', { tag: '@alone' }, async ({ page, isMobile }) => {
  await openProduct(page, 2);
  const visitor = await page.evaluate(() => JSON.parse(localStorage.getItem('pulse:id') ?? '{}').visitor);
  await pressRepeatedly(page.getByRole('button', { name: 'Size guide' }), isMobile, 3);
  await expect(dialog(page)).toBeVisible();
  await press(dialog(page).getByRole('button', { name: 'Close' }), isMobile);
  // Dismissed: not asked again for 30 days.
  await openProduct(page, 2);
  await pressRepeatedly(page.getByRole('button', { name: 'Size guide' }), isMobile, 3);
  await settle(page);
  await expectNoSurvey(page);

  await (await openPanel(page)).getByRole('button', { name: 'Reset the visitor' }).click();
  await page.waitForLoadState();
  await sdkReady(page);
  await page.waitForFunction(() => document.querySelector<HTMLImageElement>('.hero-image')?.complete === true);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('pulse:id') ?? '{}').visitor)).not.toBe(visitor);
  await pressRepeatedly(page.getByRole('button', { name: 'Size guide' }), isMobile, 3);
  await expect(dialog(page)).toHaveAccessibleName('Something not working? Tell us what you were trying to do.');
});

test('"Block the collector" keeps events waiting in the outbox until it is switched off, then they arrive', async ({
  page,
  isMobile,
}) => {
  const device = deviceOf(isMobile);
  await page.goto('/shop');
  await flush(page);
  const before = await friction('/pricing', device);

  const panel = await openPanel(page);
  await panel.getByRole('button', { name: 'Block the collector' }).click();
  await expect(panel.getByRole('button', { name: 'Unblock the collector' })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/pricing');
  await sdkReady(page);
  await page.evaluate(() => (window as unknown as { pulse: { flush(): Promise<void> } }).pulse.flush());
  // The panel opens by itself on a page loaded while the collector is blocked, and counts what waits.
  await expect(page.locator('details.panel')).toHaveAttribute('open', '');
  await page.getByRole('button', { name: 'Unblock the collector' }).focus();
  await expect(page.locator('details.panel').getByRole('status')).toContainText('The collector is blocked.');
  await page.waitForTimeout(2000);
  expect((await friction('/pricing', device)).pageviews).toBe(before.pageviews);
  await page.locator('details.panel').getByText('Demo controls', { exact: true }).click();
  await page.locator('details.panel').getByText('Demo controls', { exact: true }).click();
  await expect(page.locator('details.panel').getByRole('status')).toContainText(
    /[1-9]\d* events? waits? in the outbox/,
  );

  await page.getByRole('button', { name: 'Unblock the collector' }).click();
  await expect(page.getByRole('button', { name: 'Block the collector' })).toHaveAttribute('aria-pressed', 'false');
  const after = await eventually(
    () => friction('/pricing', device),
    (stats) => stats.pageviews > before.pageviews,
  );
  expect(after.pageviews).toBe(before.pageviews + 1);
  await expect(page.locator('details.panel').getByRole('status')).toContainText('0 events wait in the outbox.');
});

test('the panel opens the dashboard of its site', async ({ page }) => {
  await page.goto('/');
  const panel = await openPanel(page);
  await expect(panel.getByRole('link', { name: 'Open the dashboard' })).toHaveAttribute(
    'href',
    `${COLLECTOR}/dashboard?site=${site().id}`,
  );
});
