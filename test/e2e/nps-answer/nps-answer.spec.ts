import { eventually, npsStats } from '../helpers/collector';
import { expect, test } from '../helpers/site';
import { expectNoSurvey, settle } from '../helpers/surveys';

test('on their second visit a visitor answers the NPS prompt with a 9, and the stats count exactly that answer', async ({
  page,
  isMobile,
}) => {
  const device = isMobile ? 'mobile' : 'desktop';
  const before = await npsStats({ device });

  await page.clock.install();
  // The demo asks from the second visit on: nothing on the first.
  await page.goto('/');
  await settle(page);
  await expectNoSurvey(page);
  // A visit ends after 30 idle minutes; the next page view starts the second.
  await page.clock.fastForward('31:00');
  await page.goto('/');
  const prompt = page.getByRole('dialog');
  await expect(prompt).toHaveAccessibleName('How likely are you to recommend Lumen to a friend?');
  const nine = prompt.getByRole('radio', { name: '9', exact: true });
  if (isMobile) await nine.tap();
  else await nine.click();

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
