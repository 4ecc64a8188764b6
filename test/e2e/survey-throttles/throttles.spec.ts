import type { Page } from '@playwright/test';
import type { SurveyDefinition } from '@pulse/sdk/protocol';
import { expect, test } from '../helpers/site';
import { dialog, expectNoSurvey, labSite, labSurvey, pulse, settle, unique } from '../helpers/surveys';

const DAY = 86_400_000;
const start = new Date('2026-03-02T09:00:00Z').getTime();

/** A one-question survey on its own lab page, answered with a tap or click on Yes. */
const create = async (name: string, changes: Partial<SurveyDefinition> = {}) => {
  const id = unique(name);
  const path = await labSurvey(id, {
    questions: [{ id: 'q', type: 'single', text: `Survey ${id}`, options: ['Yes', 'No'] }],
    ...changes,
  });
  return { id, path };
};

/** Loads `path` with the clock `days` after the start, and checks whether survey `id` shows. */
const visitOn = async (page: Page, path: string, days: number, id: string, shows: boolean) => {
  await page.clock.setSystemTime(start + days * DAY);
  await page.goto(path);
  if (shows) await expect(page.getByRole('dialog', { name: `Survey ${id}` })).toBeVisible();
  else {
    await settle(page);
    await expectNoSurvey(page);
  }
};

const answer = (page: Page) => dialog(page).getByRole('radio', { name: 'Yes' }).click();
const dismiss = (page: Page) => dialog(page).getByRole('button', { name: 'Close' }).click();

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: start });
});

test('until answered (the default): back after the 30-day dismissal cool-down, never after an answer', async ({
  page,
}) => {
  const { id, path } = await create('throttle-default');
  await visitOn(page, path, 0, id, true);
  await dismiss(page);
  await visitOn(page, path, 29, id, false);
  await visitOn(page, path, 31, id, true);
  await answer(page);
  await visitOn(page, path, 400, id, false);
});

test('once: never again once shown, answered or not', async ({ page }) => {
  const { id, path } = await create('throttle-once', { throttle: { repeat: 'once' } });
  await visitOn(page, path, 0, id, true);
  await dismiss(page);
  await visitOn(page, path, 31, id, false);
  await visitOn(page, path, 400, id, false);
});

test('every N days: back N days after it was last shown, even when answered', async ({ page }) => {
  const { id, path } = await create('throttle-every', { throttle: { repeat: { days: 20 } } });
  await visitOn(page, path, 0, id, true);
  await answer(page);
  await visitOn(page, path, 19, id, false);
  await visitOn(page, path, 21, id, true);
});

test('a dismissal cool-down of its own', async ({ page }) => {
  const { id, path } = await create('throttle-dismiss', { throttle: { dismissCooldownDays: 20 } });
  await visitOn(page, path, 0, id, true);
  await dismiss(page);
  await visitOn(page, path, 19, id, false);
  await visitOn(page, path, 21, id, true);
});

test('the global cool-down: 14 days after any prompt before another survey shows', async ({ page }) => {
  // A site of its own with the default cool-down: the demo site turns it off to show every prompt in a minute.
  const site = await labSite(page, 'global-cooldown');
  const question = (text: string) => [{ id: 'q', type: 'single' as const, text, options: ['Yes', 'No'] }];
  const path = `/lab/${site.id}`;
  await site.define({
    id: 'a',
    questions: question('Survey a'),
    triggers: [{ on: 'pageview' }],
    url: [{ match: 'exact', value: path }],
  });
  await site.define({
    id: 'b',
    questions: question('Survey b'),
    triggers: [{ on: 'pageview' }],
    url: [{ match: 'exact', value: `${path}/b` }],
  });
  await visitOn(page, path, 0, 'a', true);
  await answer(page);
  await visitOn(page, `${path}/b`, 13, 'b', false);
  await visitOn(page, `${path}/b`, 15, 'b', true);
});

test('at most one prompt per page view, even with no global cool-down', async ({ page }) => {
  const site = await labSite(page, 'one-per-page', { globalCooldownDays: 0 });
  const path = `/lab/${site.id}`;
  const question = (text: string) => [{ id: 'q', type: 'single' as const, text, options: ['Yes', 'No'] }];
  await site.define({ id: 'first', questions: question('First survey'), triggers: [{ on: 'pageview' }] });
  await site.define({ id: 'second', questions: question('Second survey'), triggers: [{ on: 'event', name: 'again' }] });

  await page.goto(path);
  await expect(dialog(page)).toHaveAccessibleName('First survey');
  await answer(page);
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  await pulse(page, 'track', 'again');
  await settle(page);
  await expectNoSurvey(page);
  await page.evaluate((next) => history.pushState({}, '', next), `${path}/next`);
  await pulse(page, 'track', 'again');
  await expect(dialog(page)).toHaveAccessibleName('Second survey');
});
