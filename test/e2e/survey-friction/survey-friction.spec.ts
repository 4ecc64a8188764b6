import { eventually } from '../helpers/collector';
import { deviceOf, flush, friction, pressRepeatedly, sdkReady } from '../helpers/friction';
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

test("the answer to the survey a rage click raised shows beside that element, in the visitor's words", async ({
  page,
  isMobile,
}) => {
  const { id, path } = await afterRage('words');
  await page.goto(path);
  await sdkReady(page);
  await settle(page);
  await pressRepeatedly(page.locator('#lab-button'), isMobile, 3);
  await expect(dialog(page)).toHaveAccessibleName(`Something not working? (${id})`);
  await dialog(page).getByRole('textbox').fill('The button does nothing');
  const send = dialog(page).getByRole('button', { name: 'Send', exact: true });
  if (isMobile) await send.tap();
  else await send.click();
  await flush(page);
  const stats = await eventually(
    () => friction(path, deviceOf(isMobile)),
    (value) => value.elements.some((element) => element.verbatims.length > 0),
  );
  expect(stats.elements).toEqual([
    expect.objectContaining({
      rage_click: 1,
      verbatims: [expect.objectContaining({ text: 'The button does nothing' })],
    }),
  ]);
});
