import { pressRepeatedly, sdkReady } from '../helpers/friction';
import { expect, test } from '../helpers/site';
import { dialog, expectNoSurvey, labSurvey, settle, unique } from '../helpers/surveys';

/** A "Something not working?" micro-survey on its own lab page, shown right after a rage click there. */
const afterRage = async (name: string) => {
  const id = unique(name);
  const path = await labSurvey(id, {
    questions: [{ id: 'what', type: 'text', text: `Something not working? (${id})` }],
    triggers: [{ on: 'friction', signals: ['rage_click'] }],
  });
  return { id, path };
};

test('after a friction signal: three quick presses on a button that does nothing raise the survey', async ({
  page,
  isMobile,
}) => {
  const { id, path } = await afterRage('after-rage');
  await page.goto(path);
  await sdkReady(page);
  await settle(page);
  await expectNoSurvey(page);
  await pressRepeatedly(page.locator('#lab-button'), isMobile, 3);
  // The burst is a rage click once it is over (1 s without another press), and the prompt follows it.
  await expect(dialog(page)).toHaveAccessibleName(`Something not working? (${id})`);
});

test('after a friction signal: a page without friction shows nothing', async ({ page }) => {
  const { path } = await afterRage('no-rage');
  await page.goto(path);
  await sdkReady(page);
  await settle(page);
  // Long enough for any burst to have ended and been reported.
  await page.waitForTimeout(1_500);
  await expectNoSurvey(page);
});
