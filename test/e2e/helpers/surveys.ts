import { expect, type Page, test } from '@playwright/test';
import type { PulseEvent, SurveyDefinition } from '@pulse/sdk/protocol';
import { ADMIN_TOKEN, COLLECTOR } from './ports.mjs';
import { site } from './site';

/** Creates or replaces a survey of the scenario's site through the admin API, as a site owner would. */
export const putSurvey = async (survey: SurveyDefinition): Promise<void> => {
  const response = await fetch(`${COLLECTOR}/v1/admin/sites/${site().id}/surveys/${survey.id}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(survey),
  });
  expect(response.status, await response.text()).toBeLessThan(300);
};

/** A name unique to this test and project, for a survey id and its `/lab/…` page. */
export const unique = (name: string): string => `${name}-${test.info().project.name}`;

/**
 * Creates a survey scoped to its own lab page (`/lab/<id>`) and returns that path.
 * The survey shows on page view unless `changes` says otherwise.
 */
export const labSurvey = async (id: string, changes: Partial<SurveyDefinition> = {}): Promise<string> => {
  const path = `/lab/${id}`;
  await putSurvey({
    id,
    questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend the lab?' }],
    triggers: [{ on: 'pageview' }],
    url: [{ match: 'exact', value: path }],
    ...changes,
  });
  return path;
};

/**
 * A site of a test's own, with these thresholds, whose config the demo's lab pages read instead of the scenario's
 * site's: they carry the scenario site's key, so the SDK's config request is sent on to the new site. (Serving the
 * page itself from a route would make Chromium treat it as public, and refuse it the loopback collector.)
 */
export const labSite = async (page: Page, name: string, thresholds?: { globalCooldownDays: number }) => {
  const id = `lab-${unique(name)}`;
  const created = await fetch(`${COLLECTOR}/v1/admin/sites`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id, name: id, thresholds }),
  });
  expect(created.status).toBe(201);
  const { writeKey } = (await created.json()) as { writeKey: string };
  // `config*`: a preview link adds its token to the query.
  await page.route(`**/v1/sites/${site().writeKey}/config*`, (route) =>
    route.continue({ url: route.request().url().replace(site().writeKey, writeKey) }),
  );
  return {
    id,
    define: async (survey: SurveyDefinition) => {
      const response = await fetch(`${COLLECTOR}/v1/admin/sites/${id}/surveys/${survey.id}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(survey),
      });
      expect(response.status).toBeLessThan(300);
    },
  };
};

/** What the collector answered to the page's event batches: events it accepted, and refusals. */
export interface Delivered {
  accepted: PulseEvent[];
  rejected: { index: number; reason: string }[];
}

/**
 * Records every batch the page posts to the collector with the collector's answer, so that a test can assert
 * what reached it (accepted events) and that nothing was refused.
 */
export const watchDelivery = (page: Page): Delivered => {
  const delivered: Delivered = { accepted: [], rejected: [] };
  page.on('response', async (response) => {
    const request = response.request();
    if (request.method() !== 'POST' || !request.url().startsWith(`${COLLECTOR}/v1/events`)) return;
    const batch = JSON.parse(request.postData() ?? '{"events":[]}') as { events: PulseEvent[] };
    const result = (await response.json().catch(() => undefined)) as Delivered | undefined;
    const refused = new Set(result?.rejected.map((entry) => entry.index));
    delivered.rejected.push(...(result?.rejected ?? []));
    delivered.accepted.push(...batch.events.filter((_, index) => response.status() === 202 && !refused.has(index)));
  });
  return delivered;
};

/** The `[question, value]` pairs of the accepted answers to one survey, in order. */
export const answersOf = (delivered: Delivered, survey: string): [string, unknown][] =>
  delivered.accepted
    .filter((event) => event.type === 'survey_answer' && event.survey === survey)
    .map((event) => (event.type === 'survey_answer' ? [event.question, event.value] : ['', '']));

/** The types of the accepted survey events of one survey, in order. */
export const surveyEventsOf = (delivered: Delivered, survey: string): string[] =>
  delivered.accepted.filter((event) => 'survey' in event && event.survey === survey).map((event) => event.type);

/** Asks the SDK on the page to send what waits now. */
export const flush = (page: Page): Promise<void> =>
  page.evaluate(() => (window as unknown as { pulse: { flush(): Promise<void> } }).pulse.flush());

/** The open widget's dialog. */
export const dialog = (page: Page) => page.getByRole('dialog');

/** Calls a method of the SDK on the page, through the `pulse(…)` function as a site would. */
export const pulse = (page: Page, ...args: unknown[]): Promise<unknown> =>
  page.evaluate((call) => (window as unknown as { pulse(...a: unknown[]): unknown }).pulse(...call), args);

/**
 * Waits until the SDK on the page has its config (`show` of an unknown survey resolves only then), plus a second
 * in which a due survey would have loaded its widget: after it, a survey that is not on screen was not shown.
 */
export const settle = async (page: Page): Promise<void> => {
  await page.waitForFunction(
    () => typeof (window as unknown as { pulse?: { show?: unknown } }).pulse?.show === 'function',
  );
  expect(await pulse(page, 'show', 'no-such-survey')).toBe(false);
  await page.waitForTimeout(1000);
};

/** No survey widget on the page. */
export const expectNoSurvey = (page: Page) => expect(page.locator('pulse-survey')).toHaveCount(0);

/**
 * Answers the demo's NPS prompt with `score` as a visitor would: the prompt shows from the second visit on, so a
 * first visit (where `firstVisit` runs once the page has settled), 31 idle minutes on the page's clock, then the
 * second. Returns the prompt, on its follow-up question.
 */
export const answerNpsOnSecondVisit = async (
  page: Page,
  isMobile: boolean,
  score: number,
  firstVisit: () => Promise<unknown> = async () => undefined,
) => {
  await page.clock.install();
  await page.goto('/');
  await settle(page);
  await firstVisit();
  // A visit ends after 30 idle minutes; the next page view starts the second.
  await page.clock.fastForward('31:00');
  await page.goto('/');
  const prompt = page.getByRole('dialog');
  await expect(prompt).toHaveAccessibleName('How likely are you to recommend Lumen to a friend?');
  const radio = prompt.getByRole('radio', { name: String(score), exact: true });
  if (isMobile) await radio.tap();
  else await radio.click();
  return prompt;
};
