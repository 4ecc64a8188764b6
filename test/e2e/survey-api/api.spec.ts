import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/site';
import { answersOf, dialog, labSurvey, pulse, settle, surveyEventsOf, unique, watchDelivery } from '../helpers/surveys';

/** Subscribes to `shown`, `answered` and `dismissed` through `pulse('on', …)`, and returns a reader of what came. */
const listen = async (page: Page) => {
  await page.evaluate(() => {
    const log: unknown[] = [];
    const pulse = (window as unknown as { pulse(...args: unknown[]): unknown }).pulse;
    (window as unknown as { log: unknown[] }).log = log;
    for (const name of ['shown', 'answered', 'dismissed'])
      pulse('on', name, (detail: Record<string, unknown>) => log.push({ name, ...detail }));
  });
  return () => page.evaluate(() => (window as unknown as { log: Record<string, unknown>[] }).log);
};

test('show(id, { into }) renders the survey inline, and on() reports shown, answered and dismissed', async ({
  page,
}) => {
  const id = unique('api-inline');
  const delivered = watchDelivery(page);
  await page.goto(
    await labSurvey(id, {
      triggers: [{ on: 'manual' }],
      questions: [
        { id: 'score', type: 'nps', text: 'How likely are you to recommend the lab?' },
        { id: 'more', type: 'text', text: 'Anything else?' },
      ],
    }),
  );
  await settle(page);
  const log = await listen(page);
  expect(await pulse(page, 'show', id, { into: '#lab-inline' })).toBe(true);
  const inline = page.locator('#lab-inline pulse-survey');
  await expect(inline).toHaveAttribute('data-inline', '');
  expect(await dialog(page).evaluate((card) => getComputedStyle(card).position)).toBe('static');
  await dialog(page).getByRole('radio', { name: '8', exact: true }).click();
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  await expect(inline).toHaveCount(0);

  const events = await log();
  const response = events[0]?.response;
  expect(events).toEqual([
    { name: 'shown', survey: id, response },
    { name: 'answered', survey: id, response, question: 'score', value: 8 },
    { name: 'dismissed', survey: id, response },
  ]);
  await expect.poll(() => surveyEventsOf(delivered, id)).toEqual(['survey_shown', 'survey_answer', 'survey_dismissed']);
  expect(new Set(delivered.accepted.flatMap((event) => ('response' in event ? [event.response] : [])))).toEqual(
    new Set([response]),
  );
});

test('a survey whose display is inline shows itself in its selector', async ({ page }) => {
  const id = unique('api-display-inline');
  await page.goto(await labSurvey(id, { display: { mode: 'inline', into: '#lab-inline' } }));
  await expect(page.locator('#lab-inline pulse-survey')).toBeVisible();
  await expect(dialog(page)).toHaveAccessibleName('How likely are you to recommend the lab?');
});

test('show() queued through the stub before the SDK loads waits for the config', async ({ page }) => {
  const id = unique('api-queued');
  const path = await labSurvey(id, { triggers: [{ on: 'manual' }] });
  await page.addInitScript((survey) => {
    const stub = Object.assign((...args: unknown[]) => void stub.q.push(args), { q: [] as unknown[][] });
    (window as unknown as { pulse: typeof stub }).pulse = stub;
    stub('show', survey);
  }, id);
  await page.goto(path);
  await expect(dialog(page)).toHaveAccessibleName('How likely are you to recommend the lab?');
});

test('the Feedback tab stays on the page; each opening is a new response', async ({ page, isMobile }) => {
  const id = unique('api-tab');
  const delivered = watchDelivery(page);
  await page.goto(
    await labSurvey(id, {
      display: { mode: 'tab', label: { en: 'Tell us', de: 'Sagen Sie es uns' } },
      questions: [{ id: 'plan', type: 'single', text: 'Which plan?', options: ['Free', 'Pro'] }],
    }),
  );
  const tab = page.getByRole('button', { name: 'Tell us' });
  const press = (locator: ReturnType<Page['locator']>) => (isMobile ? locator.tap() : locator.click());
  await expect(tab).toBeVisible();
  await settle(page);
  await expect(dialog(page)).toHaveCount(0);
  // A route change asks for the tab again: still one tab.
  await page.evaluate((path) => history.pushState({}, '', path), `/lab/${id}`);
  await settle(page);
  await expect(tab).toHaveCount(1);

  await press(tab);
  await press(dialog(page).getByRole('radio', { name: 'Pro' }));
  await press(dialog(page).getByRole('button', { name: 'Close' }));
  await expect(tab).toBeVisible();
  await press(tab);
  await press(dialog(page).getByRole('button', { name: 'Close' }));
  await expect(tab).toBeVisible();

  await expect
    .poll(() => surveyEventsOf(delivered, id))
    .toEqual(['survey_shown', 'survey_answer', 'survey_completed', 'survey_shown', 'survey_dismissed']);
  expect(answersOf(delivered, id)).toEqual([['plan', 'Pro']]);
  // The first opening, answered to its end (one question), then the second, closed: a response each.
  const responses = delivered.accepted.flatMap((event) => ('response' in event ? [event.response] : []));
  expect(new Set(responses.slice(0, 3)).size).toBe(1);
  expect(responses[3]).toBe(responses[4]);
  expect(responses[3]).not.toBe(responses[0]);
});
