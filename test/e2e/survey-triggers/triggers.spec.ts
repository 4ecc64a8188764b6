import type { Trigger, UrlRule } from '@pulse/sdk/protocol';
import { expect, test } from '../helpers/site';
import { dialog, expectNoSurvey, labSurvey, pulse, settle, unique } from '../helpers/surveys';

const text = (id: string) => [{ id: 'score', type: 'nps' as const, text: `Survey ${id}` }];

/** Creates a survey with these triggers, shown only on `path` (or by `url` rules), and returns its id. */
const create = async (name: string, triggers: Trigger[], url?: UrlRule[]) => {
  const id = unique(name);
  await labSurvey(id, { triggers, questions: text(id), ...(url && { url }) });
  return id;
};

test('page view: URL rules match exact, prefix, contains and glob paths, and nothing else', async ({ page }) => {
  const project = test.info().project.name;
  const cases: [UrlRule, string, string][] = [
    [
      { match: 'exact', value: `/lab/url-exact-${project}` },
      `/lab/url-exact-${project}/more`,
      `/lab/url-exact-${project}`,
    ],
    [
      { match: 'prefix', value: `/lab/url-prefix-${project}/` },
      `/lab/url-prefix-${project}`,
      `/lab/url-prefix-${project}/deep/page`,
    ],
    [
      { match: 'contains', value: `/url-contains-${project}/` },
      `/lab/url-contains-${project}`,
      `/lab/x/url-contains-${project}/y`,
    ],
    [
      { match: 'glob', value: `/lab/url-glob-${project}/*/checkout` },
      `/lab/url-glob-${project}/cart/more/checkout`,
      `/lab/url-glob-${project}/cart/checkout`,
    ],
  ];
  // Every survey first: the browser keeps the config it fetched for a minute.
  const ids = [];
  for (const [rule] of cases) ids.push(await create(`url-${rule.match}`, [{ on: 'pageview' }], [rule]));
  for (const [index, [, miss, hit]] of cases.entries()) {
    const id = ids[index];
    await page.goto(miss);
    await settle(page);
    await expectNoSurvey(page);
    await page.goto(hit);
    await expect(dialog(page)).toHaveAccessibleName(`Survey ${id}`);
    // A new visitor for the next rule: the global cool-down would hold the next prompt back.
    await page.evaluate(() => localStorage.clear());
  }
});

test('page view: an SPA route change through the History API re-evaluates the triggers', async ({ page }) => {
  const checkout = `/lab/${unique('spa-push')}-checkout`;
  const id = await create('spa-push', [{ on: 'pageview' }], [{ match: 'exact', value: checkout }]);
  await page.goto(`/lab/${id}-cart`);
  await settle(page);
  await expectNoSurvey(page);
  await page.evaluate((path) => history.pushState({}, '', path), checkout);
  await expect(dialog(page)).toHaveAccessibleName(`Survey ${id}`);
});

test('page view: going back (popstate) re-evaluates the triggers, with the targeting of now', async ({ page }) => {
  const id = unique('spa-back');
  const path = await labSurvey(id, { questions: text(id), targeting: { traits: { lab: 'back' } } });
  await page.goto(path);
  await settle(page);
  await expectNoSurvey(page);
  await pulse(page, 'identify', 'user-back', { lab: 'back' });
  await page.evaluate(() => history.pushState({}, '', '/lab/spa-elsewhere'));
  await settle(page);
  await expectNoSurvey(page);
  await page.goBack();
  await expect(dialog(page)).toHaveAccessibleName(`Survey ${id}`);
});

test('delay: shows that many seconds after the page view, not before', async ({ page }) => {
  await page.clock.install();
  const id = await create('delay', [{ on: 'delay', seconds: 30 }]);
  await page.goto(`/lab/${id}`);
  await settle(page);
  await page.clock.runFor(25_000);
  await settle(page);
  await expectNoSurvey(page);
  await page.clock.runFor(5_000);
  await expect(dialog(page)).toHaveAccessibleName(`Survey ${id}`);
});

test('scroll depth: shows once the page is scrolled that far down', async ({ page }) => {
  const id = await create('scroll', [{ on: 'scroll', percent: 90 }]);
  await page.goto(`/lab/${id}`);
  await settle(page);
  await page.evaluate(() => scrollTo(0, innerHeight / 4));
  await settle(page);
  await expectNoSurvey(page);
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await expect(dialog(page)).toHaveAccessibleName(`Survey ${id}`);
});

test('exit intent: shows when the pointer leaves through the top, on desktop only', async ({ page, isMobile }) => {
  const id = await create('exit', [{ on: 'exit_intent' }]);
  await page.goto(`/lab/${id}`);
  await settle(page);
  await page.mouse.move(400, 300);
  await page.mouse.move(400, 2);
  await settle(page);
  await expectNoSurvey(page);
  await page.mouse.move(400, -20);
  if (isMobile) {
    await settle(page);
    await expectNoSurvey(page);
  } else await expect(dialog(page)).toHaveAccessibleName(`Survey ${id}`);
});

test('custom event: shows on a track() call with its name only', async ({ page }) => {
  const id = await create('event', [{ on: 'event', name: 'lab_checkout_failed' }]);
  await page.goto(`/lab/${id}`);
  await settle(page);
  await pulse(page, 'track', 'lab_checkout_ok');
  await settle(page);
  await expectNoSurvey(page);
  await pulse(page, 'track', 'lab_checkout_failed', { step: 2 });
  await expect(dialog(page)).toHaveAccessibleName(`Survey ${id}`);
});

test('click: shows on a click inside an element that matches the selector', async ({ page, isMobile }) => {
  const id = await create('click', [{ on: 'click', selector: '#lab-button' }]);
  await page.goto(`/lab/${id}`);
  await settle(page);
  const heading = page.getByRole('heading', { name: 'Pulse lab' });
  await (isMobile ? heading.tap() : heading.click());
  await settle(page);
  await expectNoSurvey(page);
  const button = page.locator('#lab-button');
  await (isMobile ? button.tap() : button.click());
  await expect(dialog(page)).toHaveAccessibleName(`Survey ${id}`);
});

test('Nth visit: shows from the visitor’s second visit on, not on the first', async ({ page }) => {
  await page.clock.install();
  const id = await create('visit', [{ on: 'visit', count: 2 }]);
  await page.goto(`/lab/${id}`);
  await settle(page);
  await expectNoSurvey(page);
  // A visit ends after 30 minutes without activity.
  await page.clock.fastForward('31:00');
  await page.reload();
  await expect(dialog(page)).toHaveAccessibleName(`Survey ${id}`);
});

test('no automatic prompt while the visitor types in a field: it waits until they leave it', async ({
  page,
  isMobile,
}) => {
  const id = await create('typing', [{ on: 'delay', seconds: 1 }]);
  await page.goto(`/lab/${id}`);
  const field = page.locator('#lab-input');
  await (isMobile ? field.tap() : field.click());
  await field.pressSequentially('lamp', { delay: 100 });
  // Well past the delay: the visitor is still in the field.
  await page.waitForTimeout(2500);
  await expectNoSurvey(page);
  await field.blur();
  await expect(dialog(page)).toHaveAccessibleName(`Survey ${id}`);
  await expect(field).toHaveValue('lamp');
});
