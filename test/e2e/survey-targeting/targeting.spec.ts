import { expect, test } from '../helpers/site';
import { dialog, expectNoSurvey, labSurvey, pulse, settle, unique } from '../helpers/surveys';

test('device class: a phone gets the mobile survey, a desktop the desktop one', async ({ page, isMobile }) => {
  const path = `/lab/${unique('target-device')}`;
  const url = [{ match: 'exact' as const, value: path }];
  for (const device of ['mobile', 'desktop'] as const)
    await labSurvey(unique(`target-${device}`), {
      url,
      targeting: { devices: [device] },
      questions: [{ id: 'score', type: 'nps', text: `For ${device}` }],
    });
  await page.goto(path);
  await expect(dialog(page)).toHaveAccessibleName(isMobile ? 'For mobile' : 'For desktop');
});

test('identify traits: only a visitor with the trait, checked again at the next page view', async ({ page }) => {
  const id = unique('target-traits');
  await labSurvey(id, { targeting: { traits: { plan: 'pro', seats: 5 } } });
  await page.goto(`/lab/${id}`);
  await settle(page);
  await expectNoSurvey(page);
  await pulse(page, 'identify', 'user-1', { plan: 'pro', seats: 4 });
  await pulse(page, 'page');
  await settle(page);
  await expectNoSurvey(page);
  await pulse(page, 'identify', 'user-1', { seats: 5 });
  await pulse(page, 'page');
  await expect(dialog(page)).toBeVisible();
});

test('new and returning visitors', async ({ page }) => {
  await page.clock.install();
  const fresh = unique('target-new');
  const back = unique('target-returning');
  await labSurvey(fresh, { targeting: { visitor: 'new' } });
  await labSurvey(back, { targeting: { visitor: 'returning' } });
  await page.goto(`/lab/${back}`);
  await settle(page);
  await expectNoSurvey(page);
  await page.goto(`/lab/${fresh}`);
  await expect(dialog(page)).toBeVisible();
  // A second visit, past the global cool-down: now a returning visitor.
  await page.clock.fastForward(15 * 86_400_000);
  await page.goto(`/lab/${fresh}`);
  await settle(page);
  await expectNoSurvey(page);
  await page.goto(`/lab/${back}`);
  await expect(dialog(page)).toBeVisible();
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('locale: a German visitor gets the German survey, in German, and not the French one', async ({ page }) => {
    const french = unique('target-fr');
    const german = unique('target-de');
    await labSurvey(french, { targeting: { locales: ['fr'] } });
    await labSurvey(german, {
      targeting: { locales: ['de'] },
      questions: [{ id: 'score', type: 'nps', text: { en: 'How likely…?', de: 'Wie wahrscheinlich…?' } }],
    });
    await page.goto(`/lab/${french}`);
    await settle(page);
    await expectNoSurvey(page);
    await page.goto(`/lab/${german}`);
    await expect(dialog(page)).toHaveAccessibleName('Wie wahrscheinlich…?');
    await expect(dialog(page).getByRole('button', { name: 'Schließen' })).toBeVisible();
    await expect(dialog(page).getByRole('radio', { name: '0, überhaupt nicht wahrscheinlich' })).toBeVisible();
  });
});
