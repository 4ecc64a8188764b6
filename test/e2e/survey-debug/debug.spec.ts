import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/site';
import { dialog, labSite, pulse, settle } from '../helpers/surveys';

const DAY = 86_400_000;
const start = new Date('2026-03-02T09:00:00Z').getTime();

/** Collects what Pulse's debug mode logs in the console. */
const debugLog = (page: Page) => {
  const lines: string[] = [];
  page.on('console', (message) => message.text().startsWith('[Pulse debug]') && lines.push(message.text()));
  return lines;
};

/** A site of its own with the default 14-day global cool-down: an NPS on page view and a CSAT on a click. */
const setup = async (page: Page) => {
  const site = await labSite(page, 'debug');
  const path = `/lab/${site.id}`;
  const url = [{ match: 'prefix' as const, value: path }];
  await site.define({
    id: 'nps',
    name: 'Lab NPS',
    questions: [{ id: 'q', type: 'single', text: 'Survey nps', options: ['Yes', 'No'] }],
    triggers: [{ on: 'pageview' }],
    url,
  });
  await site.define({
    id: 'help',
    name: 'Lab CSAT',
    questions: [{ id: 'q', type: 'single', text: 'Survey help', options: ['Yes', 'No'] }],
    triggers: [{ on: 'click', selector: '#lab-button' }],
    url,
  });
  return path;
};

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: start });
});

test('debug mode names the global cool-down that keeps a click survey hidden, and the date it ends', async ({
  page,
}) => {
  const path = await setup(page);
  const lines = debugLog(page);
  const chunks: string[] = [];
  page.on('request', (request) => /\/sdk\/debug-/.test(request.url()) && chunks.push(request.url()));

  // Off by default: nothing logged, and the debug chunk never loads.
  await page.goto(path);
  await expect(dialog(page)).toHaveAccessibleName('Survey nps');
  await dialog(page).getByRole('radio', { name: 'Yes' }).click();
  await settle(page);
  expect(lines).toEqual([]);
  expect(chunks).toEqual([]);

  // The site owner turns it on from the console; it holds for the next pages of this browser.
  await pulse(page, 'debug', true);
  await page.clock.setSystemTime(start + DAY);
  await page.goto(`${path}/next`);
  await expect
    .poll(() => lines.filter((line) => line.includes('(help) at the page view')))
    .toEqual([expect.stringMatching(/"Lab CSAT".*global cool-down between any two prompts runs until 2026-03-16/)]);
  expect(lines.some((line) => line.includes('"Lab NPS" (nps)') && line.includes('has answered it'))).toBe(true);

  await page.locator('#lab-button').click();
  await expect
    .poll(() => lines.filter((line) => line.includes('on a click on #lab-button')))
    .toEqual([expect.stringContaining("not shown: the site's global cool-down")]);
  await settle(page);
  await expect(dialog(page)).toHaveCount(0);
});
