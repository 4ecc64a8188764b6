import type { ImpactStats } from '../../../collector/src/aggregates/impact/schema';
import { eventually } from '../helpers/collector';
import { flush, pressRepeatedly, sdkReady, stats } from '../helpers/friction';
import { expect, test } from '../helpers/site';
import { dialog, labSurvey, settle, unique } from '../helpers/surveys';

test('a visitor who rage-clicks and then rates the page low counts on the friction side of the impact stats, on that element', async ({
  page,
  isMobile,
}) => {
  const id = unique('impact');
  const path = await labSurvey(id, {
    questions: [{ id: 'score', type: 'csat', text: `How satisfied are you with this page? (${id})` }],
    triggers: [{ on: 'friction', signals: ['rage_click'] }],
  });
  await page.goto(path);
  await sdkReady(page);
  await settle(page);
  await pressRepeatedly(page.locator('#lab-button'), isMobile, 3);
  await expect(dialog(page)).toHaveAccessibleName(`How satisfied are you with this page? (${id})`);
  const two = dialog(page).getByRole('radio', { name: '2', exact: true });
  if (isMobile) await two.tap();
  else await two.click();
  await flush(page);

  const impact = await eventually(
    () => stats<ImpactStats>('impact', { survey: id }),
    (value) => value.csat.friction.n > 0,
  );
  expect(impact.csat.friction).toMatchObject({ n: 1, satisfied: 0, score: 0 });
  expect(impact.csat.none.n).toBe(0);
  expect(impact.csat.lowSample).toBe(true);
  expect(impact.signals.find((row) => row.signal === 'rage_click')!.csat.friction.n).toBe(1);
  const element = impact.elements.find((row) => row.path === path);
  expect(element).toMatchObject({ rage_click: 1, csat: { friction: { n: 1, score: 0 } } });
});
