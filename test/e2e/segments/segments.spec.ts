import { eventually, npsStats } from '../helpers/collector';
import { recordRequests } from '../helpers/friction';
import { expect, test } from '../helpers/site';
import { answerNpsOnSecondVisit } from '../helpers/surveys';

test("a signed-in Pro customer's NPS answer counts under plan Pro, a returning visitor and their locale", async ({
  page,
  isMobile,
}) => {
  const sent = recordRequests(page.context());
  // The demo site declares plan as its segment key: role is not one.
  const prompt = await answerNpsOnSecondVisit(page, isMobile, 9, () =>
    page.evaluate(() =>
      (window as unknown as { pulse: (...args: unknown[]) => void }).pulse('identify', 'customer-7', {
        plan: 'pro',
        role: 'buyer',
      }),
    ),
  );
  await expect(prompt.getByRole('heading', { name: 'What do you like most about Lumen?' })).toBeVisible();

  const pro = await eventually(
    () => npsStats({ 'trait.plan': 'pro' }),
    (stats) => stats.n > 0,
  );
  expect(pro).toEqual({ n: 1, promoters: 1, passives: 0, detractors: 0 });
  expect(await npsStats({ visitor: 'returning' })).toEqual(pro);
  expect((await npsStats({ visitor: 'new' })).n).toBe(0);
  expect((await npsStats({ 'trait.plan': 'free' })).n).toBe(0);
  const locale = await page.evaluate(() => navigator.language);
  expect(await npsStats({ locale: locale.split('-')[0]! })).toEqual(pro);

  const answer = sent.events().find((event) => event.type === 'survey_answer');
  expect(answer).toMatchObject({ kind: 'nps', value: 9, visits: 2, traits: { plan: 'pro' } });
  expect(answer && 'traits' in answer && answer.traits).toEqual({ plan: 'pro' });
});
