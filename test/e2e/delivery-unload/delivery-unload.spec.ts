import { eventually } from '../helpers/collector';
import { closeTab, recordBatches } from '../helpers/delivery';
import { deviceOf, type FrictionStats, friction, sdkReady } from '../helpers/friction';
import { expect, test } from '../helpers/site';

test('a form abandoned as the visitor closes the tab leaves with the unload send', async ({
  context,
  isMobile,
}, testInfo) => {
  const path = `/lab/delivery-unload-${Date.now()}-${testInfo.project.name}`;
  const abandons = (stats: FrictionStats) => stats.signals.form_abandon?.count ?? 0;
  const batches = recordBatches(context);
  const page = await context.newPage();
  await page.goto(path);
  // Pulse starts its delivery once the page is idle, after the form-abandon detector: the detector's pagehide
  // listener runs before the one that sends what waits.
  await sdkReady(page);
  await page.evaluate(() =>
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<form id="lab-form"><input name="email"></form>'),
  );
  await page.locator('#lab-form input').fill('ada@example.com');
  const beforeClose = batches.flatMap((batch) => batch.body.events);
  await closeTab(page);

  // No page of the site is open afterwards: only a request sent while the tab closed can bring the abandon.
  const stats = await eventually(
    () => friction(path, deviceOf(isMobile)),
    (value) => abandons(value) > 0,
  );
  expect(abandons(stats)).toBe(1);
  // Reported at pagehide only: nothing sent before the close carried it.
  expect(beforeClose.filter((event) => event.type === 'form_abandon')).toEqual([]);
});
