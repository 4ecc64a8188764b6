import { eventually, npsStats } from '../helpers/collector';
import { expect, test } from '../helpers/site';
import { answerNpsOnSecondVisit, expectNoSurvey } from '../helpers/surveys';

test('on their second visit a visitor answers the NPS prompt with a 9, and the stats count exactly that answer', async ({
  page,
  isMobile,
}) => {
  const device = isMobile ? 'mobile' : 'desktop';
  const before = await npsStats({ device });

  // The demo asks from the second visit on: nothing on the first.
  const prompt = await answerNpsOnSecondVisit(page, isMobile, 9, () => expectNoSurvey(page));

  // A promoter is asked what they like; skipping is allowed.
  await expect(prompt.getByRole('heading', { name: 'What do you like most about Lumen?' })).toBeVisible();
  await prompt.getByRole('button', { name: 'Skip' }).click();
  await expect(prompt.getByRole('heading', { name: 'Thank you for your feedback!' })).toBeVisible();

  const after = await eventually(
    () => npsStats({ device }),
    (stats) => stats.n > before.n,
  );
  expect(after).toEqual({ ...before, n: before.n + 1, promoters: before.promoters + 1 });
});
