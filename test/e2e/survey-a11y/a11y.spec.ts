import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { Question } from '@pulse/sdk/protocol';
import { expect, test } from '../helpers/site';
import { dialog, expectNoSurvey, labSurvey, pulse, settle, unique } from '../helpers/surveys';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One step of every kind: a scale, faces, stars, a single and a multiple choice, text. */
const questions: Question[] = [
  { id: 'score', type: 'nps', text: 'How likely are you to recommend the lab?' },
  { id: 'happy', type: 'csat', text: 'How satisfied are you?' },
  { id: 'stars', type: 'csat', style: 'stars', text: 'How was delivery?' },
  { id: 'plan', type: 'single', text: 'Which plan?', options: ['Free', 'Pro'] },
  { id: 'uses', type: 'multi', text: 'What do you use?', options: ['Search', 'Export'] },
  { id: 'more', type: 'text', text: 'Anything else?' },
];

/** Runs axe-core's WCAG 2.x A and AA rules on the open widget (its host and shadow tree) and returns the violations. */
const axeViolations = async (page: Page) => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: Element, options: object): Promise<{ violations: { id: string; help: string }[] }> };
    };
    const result = await axe.run(document.querySelector('pulse-survey')!, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map(({ id, help }) => `${id}: ${help}`);
  });
};

/** Sizes of every control in the widget that takes a pointer: radios, checkboxes, buttons, text fields. */
const controlSizes = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelector('pulse-survey')!.shadowRoot!.querySelectorAll('input, button, textarea'))
      .filter((control) => !(control as HTMLElement).hidden)
      .map((control) => {
        const { width, height } = control.getBoundingClientRect();
        return { control: control.getAttribute('aria-label') ?? control.textContent, width, height };
      }),
  );

/** Answers the step on screen with the first choice (and a text where one is asked). */
const answerStep = async (page: Page) => {
  const box = dialog(page).getByRole('textbox');
  if (await box.count()) {
    await box.fill('Fine');
    // The last button is Send (or Next), whatever the language.
    await dialog(page).getByRole('button').last().click();
    return;
  }
  const boxes = dialog(page).getByRole('checkbox');
  if (await boxes.count()) {
    await boxes.first().click();
    await dialog(page).getByRole('button').last().click();
    return;
  }
  await dialog(page).getByRole('radio').nth(1).click();
};

/** Walks through every step and the thank-you, scanning each with axe and measuring every target. */
const scanEveryStep = async (page: Page, thanks: string) => {
  for (let step = 0; step <= questions.length; step++) {
    expect(await axeViolations(page), `step ${step}`).toEqual([]);
    for (const size of await controlSizes(page)) {
      expect(size.width, `${size.control} at step ${step}`).toBeGreaterThanOrEqual(44);
      expect(size.height, `${size.control} at step ${step}`).toBeGreaterThanOrEqual(44);
    }
    if (step < questions.length) await answerStep(page);
  }
  await expect(dialog(page)).toHaveAccessibleName(thanks);
};

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no WCAG 2.2 AA violation at any step, ${colorScheme}, and every target is at least 44 × 44 px`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(await labSurvey(unique(`a11y-axe-${colorScheme}`), { questions }));
    await expect(dialog(page)).toBeVisible();
    await scanEveryStep(page, 'Thank you for your feedback!');
  });
}

test('an auto-shown prompt waits until the visitor leaves the field, then never steals focus', {
  tag: '@alone',
}, async ({ page, isMobile }) => {
  const id = unique('a11y-no-theft');
  await page.goto(await labSurvey(id, { triggers: [{ on: 'delay', seconds: 1.5 }] }));
  const input = page.locator('#lab-input');
  await (isMobile ? input.tap() : input.click());
  await page.keyboard.type('lam');
  // Past the delay, still typing: no prompt.
  await page.waitForTimeout(2000);
  await expectNoSurvey(page);
  await page.keyboard.type('ps');
  await expect(input).toHaveValue('lamps');
  // The visitor moves on to a button: the prompt appears, and focus stays where they put it.
  await page.locator('#lab-button').focus();
  await expect(dialog(page)).toBeVisible();
  await expect(page.locator('#lab-button')).toBeFocused();
  // Announced politely, without focus: the live region says what appeared.
  await expect(dialog(page).getByRole('status')).toHaveText('Feedback: How likely are you to recommend the lab?');
});

test('a survey the visitor opens takes focus, and gives it back when closed', async ({ page }) => {
  const id = unique('a11y-opened');
  await page.goto(await labSurvey(id, { triggers: [{ on: 'manual' }] }));
  await settle(page);
  await page.locator('#lab-button').focus();
  expect(await pulse(page, 'show', id)).toBe(true);
  await expect(dialog(page).getByRole('heading', { name: 'How likely are you to recommend the lab?' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.locator('#lab-button')).toBeFocused();
});

test('the Feedback tab opens the survey with focus, and takes focus back when it closes', async ({ page }) => {
  const id = unique('a11y-tab');
  await page.goto(await labSurvey(id, { display: { mode: 'tab' } }));
  const tab = page.getByRole('button', { name: 'Feedback' });
  await tab.focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page).getByRole('heading', { name: 'How likely are you to recommend the lab?' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toHaveCount(0);
  await expect(tab).toBeFocused();
});

test('the answered step announces the next question through the live region', async ({ page }) => {
  await page.goto(await labSurvey(unique('a11y-live'), { questions }));
  const status = dialog(page).getByRole('status');
  await expect(status).toHaveText('Feedback: How likely are you to recommend the lab?');
  await dialog(page).getByRole('radio', { name: '7', exact: true }).click();
  await expect(status).toHaveText('How satisfied are you?');
});

test('prefers-reduced-motion: the card appears without animation', async ({ page }) => {
  const path = await labSurvey(unique('a11y-motion'));
  const animation = () => dialog(page).evaluate((card) => getComputedStyle(card).animationName);
  await page.goto(path);
  await expect(dialog(page)).toBeVisible();
  expect(await animation()).toBe('in');
  await page.evaluate(() => localStorage.clear());
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(path);
  await expect(dialog(page)).toBeVisible();
  expect(await animation()).toBe('none');
});

test.describe('in Arabic', () => {
  test.use({ locale: 'ar-EG' });

  test('lays out right to left, in Arabic, with no axe violation', async ({ page }) => {
    await page.goto(await labSurvey(unique('a11y-arabic'), { questions }));
    await expect(dialog(page)).toBeVisible();
    const close = dialog(page).getByRole('button', { name: 'إغلاق' });
    const heading = dialog(page).getByRole('heading');
    const zero = dialog(page).getByRole('radio', { name: '0, غير مرجّح على الإطلاق' });
    const one = dialog(page).getByRole('radio', { name: '1', exact: true });
    expect(await dialog(page).evaluate((card) => getComputedStyle(card).direction)).toBe('rtl');
    expect((await close.boundingBox())!.x).toBeLessThan((await heading.boundingBox())!.x);
    expect((await zero.boundingBox())!.x).toBeGreaterThan((await one.boundingBox())!.x);
    await scanEveryStep(page, 'شكرًا على ملاحظاتك!');
  });
});
