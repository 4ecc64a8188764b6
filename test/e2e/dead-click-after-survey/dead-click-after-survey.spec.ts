import { answerNps, putLabSurvey } from '../helpers/delivery';
import { flush, press, recordRequests } from '../helpers/friction';
import { expect, test } from '../helpers/site';

test("a dead click is recorded while and after the survey's thank-you step closes itself", async ({
  page,
  isMobile,
}, testInfo) => {
  const run = `${Date.now()}-${testInfo.project.name}`;
  const path = `/lab/dead-click-after-survey-${run}`;
  await putLabSurvey(`dead-after-${run}`, path);
  const sent = recordRequests(page.context());

  await page.goto(path);
  await answerNps(page, 9, isMobile);
  const button = page.getByRole('button', { name: 'A button that does nothing' });
  // The thank-you step closes itself 4 s after it shows: this click's 2.5 s window takes in the close.
  await page.waitForTimeout(2000);
  await press(button, isMobile);
  await expect(page.getByRole('dialog')).toBeHidden({ timeout: 5_000 });
  await page.waitForTimeout(1500);
  await press(button, isMobile);
  await page.waitForTimeout(3000);
  await flush(page);

  const dead = sent.events().filter((event) => event.type === 'dead_click' && event.url === path);
  expect(dead).toEqual([
    expect.objectContaining({ target: '#lab-button', label: 'A button that does nothing' }),
    expect.objectContaining({ target: '#lab-button', label: 'A button that does nothing' }),
  ]);
});
