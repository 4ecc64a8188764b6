import { eventually, npsStats } from '../helpers/collector';
import { expect, test } from '../helpers/site';
import { answersOf, dialog, labSurvey, surveyEventsOf, unique, watchDelivery } from '../helpers/surveys';

const followUp = [{ text: 'What is the main reason?' }];

test('closing the prompt records a dismissal, never an answer', async ({ page, isMobile }) => {
  const id = unique('dismissal-close');
  const delivered = watchDelivery(page);
  await page.goto(await labSurvey(id));
  const close = dialog(page).getByRole('button', { name: 'Close' });
  await (isMobile ? close.tap() : close.click());
  await expect(dialog(page)).toHaveCount(0);
  await expect.poll(() => surveyEventsOf(delivered, id)).toEqual(['survey_shown', 'survey_dismissed']);
  expect(delivered.accepted.find((event) => event.type === 'survey_dismissed')).toMatchObject({ question: 'score' });
  // Give the Queue time to store the dismissal before checking that the stats did not count it.
  await page.waitForTimeout(3000);
  expect(await npsStats({ survey: id })).toEqual({ n: 0, promoters: 0, passives: 0, detractors: 0 });
});

test('Escape dismisses; a score given before it still counts once, as an answer', async ({ page }) => {
  const id = unique('dismissal-escape');
  const delivered = watchDelivery(page);
  await page.goto(
    await labSurvey(id, {
      questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend the lab?', followUp }],
    }),
  );
  await dialog(page).getByRole('radio', { name: '6', exact: true }).click();
  await expect(dialog(page)).toHaveAccessibleName('What is the main reason?');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect.poll(() => surveyEventsOf(delivered, id)).toEqual(['survey_shown', 'survey_answer', 'survey_dismissed']);
  expect(answersOf(delivered, id)).toEqual([['score', 6]]);
  expect(delivered.accepted.find((event) => event.type === 'survey_dismissed')).toMatchObject({
    question: 'score.followup',
  });
  const stats = await eventually(
    () => npsStats({ survey: id }),
    (value) => value.n > 0,
  );
  expect(stats).toEqual({ n: 1, promoters: 0, passives: 0, detractors: 1 });
});
