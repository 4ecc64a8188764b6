import type { Page } from '@playwright/test';
import { recordRequests } from '../helpers/friction';
import { ADMIN_TOKEN, COLLECTOR } from '../helpers/ports.mjs';
import { expect, test } from '../helpers/site';
import { dialog, expectNoSurvey, flush, labSite, settle } from '../helpers/surveys';

/** Asks the admin API for a preview link of one survey, as a site owner would. */
const previewLink = async (site: string, survey: string) => {
  const response = await fetch(`${COLLECTOR}/v1/admin/sites/${site}/surveys/${survey}/preview`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { token: string; query: string; expires: number };
};

/** The visitor's survey history as the SDK keeps it in this browser. */
const history = (page: Page) => page.evaluate(() => localStorage.getItem('pulse:sv') ?? '');

/**
 * A site of its own, with the default 14-day global cool-down: an NPS on page view, and a survey that could never
 * show by itself on the page the owner previews it on (another page's URL rule, a sample of 0, a manual trigger).
 */
const setup = async (page: Page, name: string) => {
  const site = await labSite(page, name);
  const path = `/lab/${site.id}`;
  await site.define({
    id: 'nps',
    questions: [{ id: 'q', type: 'single', text: 'Survey nps', options: ['Yes', 'No'] }],
    triggers: [{ on: 'pageview' }],
    url: [{ match: 'prefix', value: path }],
  });
  await site.define({
    id: 'help',
    questions: [{ id: 'q', type: 'single', text: 'Survey help', options: ['Yes', 'No'] }],
    triggers: [{ on: 'manual' }],
    url: [{ match: 'exact', value: '/elsewhere' }],
    sample: 0,
  });
  return { site, path };
};

test('a preview link shows its survey at once, whatever its rules and throttles, and the page records nothing', async ({
  page,
  isMobile,
}) => {
  const { site, path } = await setup(page, 'preview');
  const sent = recordRequests(page.context());
  // The owner's browser saw the NPS: the global cool-down now holds every other automatic prompt.
  await page.goto(path);
  await expect(dialog(page)).toHaveAccessibleName('Survey nps');
  await dialog(page).getByRole('radio', { name: 'Yes' }).click();
  await settle(page);
  const seen = await history(page);

  const { query } = await previewLink(site.id, 'help');
  await page.goto(`${path}/preview?${query}`);
  await expect(dialog(page)).toHaveAccessibleName('Survey help');
  // The NPS would show on this page view were it not for the cool-down; the preview shows its survey only.
  const yes = dialog(page).getByRole('radio', { name: 'Yes' });
  if (isMobile) await yes.tap();
  else await yes.click();
  await expect(dialog(page).getByRole('heading', { name: 'Thank you for your feedback!' })).toBeVisible();
  await flush(page);

  expect(sent.events().filter((event) => event.url.includes('/preview'))).toEqual([]);
  expect(sent.events().filter((event) => 'survey' in event && event.survey === 'help')).toEqual([]);
  expect(await history(page)).toBe(seen);

  // Without the link, the same page shows neither survey, and records its page view.
  await page.goto(`${path}/preview`);
  await settle(page);
  await expectNoSurvey(page);
  await flush(page);
  expect(
    sent
      .events()
      .filter((event) => event.url.includes('/preview'))
      .map((event) => event.type),
  ).toContain('pageview');
});

test('an altered preview link shows nothing, and the config answers why', async ({ page }) => {
  const { site, path } = await setup(page, 'preview-altered');
  const { token } = await previewLink(site.id, 'help');
  const answer = page.waitForResponse((response) => response.url().includes('/config?preview='));
  await page.goto(`${path}/preview?pulse-preview=${token.slice(0, -2)}xx`);
  const response = await answer;
  expect(response.status()).toBe(403);
  expect(await response.json()).toEqual({ error: expect.objectContaining({ code: 'preview_invalid' }) });
  await settle(page);
  await expectNoSurvey(page);
});
