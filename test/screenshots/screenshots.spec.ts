import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { openProduct, pressRepeatedly } from '../e2e/helpers/friction';
import { COLLECTOR, STATE_DIR } from '../e2e/helpers/ports.mjs';
import { dialog } from '../e2e/helpers/surveys';

/** The demo site's keys, as the start command saved them: the screenshots show the demo shop and its sample week. */
const demoKeys = (): { readKey: string } => JSON.parse(readFileSync(`${STATE_DIR}pulse-demo.json`, 'utf8'));

const folder = fileURLToPath(new URL('../../demo/screenshots/', import.meta.url));
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${folder}${name}-${test.info().project.name}.png`, animations: 'disabled' });

test('the dashboard, over the sample week', async ({ page, isMobile }) => {
  await page.goto(`${COLLECTOR}/dashboard?site=demo`);
  await page.getByLabel('Read key').fill(demoKeys().readKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('table.verbatims')).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('.sparkline-empty', { hasText: '…' })).toHaveCount(0);
  await shot(page, 'dashboard');
  if (isMobile) return;
  await page.evaluate(() => document.querySelector('#friction')!.scrollIntoView());
  await shot(page, 'dashboard-friction');
  await page.evaluate(() => document.querySelector('#vitals')!.scrollIntoView());
  await shot(page, 'dashboard-vitals');
});

test('the demo shop and its prompts, on a phone', async ({ page, isMobile }) => {
  test.skip(!isMobile, 'the shop is shown as most visitors see it');
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  await shot(page, 'shop');
  await page.locator('details.panel').getByText('Demo controls', { exact: true }).click();
  await page.getByRole('button', { name: 'Come back later' }).click();
  await expect(dialog(page)).toBeVisible();
  await page.waitForTimeout(500);
  await shot(page, 'widget-nps');
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  await openProduct(page, 3);
  await pressRepeatedly(page.getByRole('button', { name: 'Size guide' }), isMobile, 3);
  await expect(dialog(page)).toHaveAccessibleName('Something not working? Tell us what you were trying to do.');
  await page.waitForTimeout(500);
  await shot(page, 'widget-something-wrong');
});
