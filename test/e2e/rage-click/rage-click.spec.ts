import { eventually } from '../helpers/collector';
import { deviceOf, flush, friction, openProduct, pressRepeatedly, recordRequests } from '../helpers/friction';
import { expect, test } from '../helpers/site';

test('four quick presses on a button that does nothing are one rage click of four, and one dead click at most', async ({
  page,
  isMobile,
}) => {
  const device = deviceOf(isMobile);
  const before = await friction('/product/2', device);
  const sent = recordRequests(page.context());

  await openProduct(page, 2);
  await pressRepeatedly(page.getByRole('button', { name: 'Size guide' }), isMobile, 4);
  // Past the dead-click window too: the burst is one frustration, not also four dead clicks.
  await page.waitForTimeout(3000);
  await flush(page);

  expect(sent.events().filter((event) => event.type === 'rage_click')).toEqual([
    expect.objectContaining({
      type: 'rage_click',
      count: 4,
      target: '#size-guide',
      label: 'Size guide',
      url: '/product/2',
    }),
  ]);
  expect(sent.events().filter((event) => event.type === 'dead_click').length).toBeLessThanOrEqual(1);
  const after = await eventually(
    () => friction('/product/2', device),
    (stats) => stats.signals.rage_click!.count > before.signals.rage_click!.count,
  );
  expect(after.signals.rage_click!.count).toBe(before.signals.rage_click!.count + 1);
  expect(after.elements.find((entry) => entry.target === '#size-guide')).toMatchObject({
    label: 'Size guide',
    rage_click: (before.elements.find((entry) => entry.target === '#size-guide')?.rage_click ?? 0) + 1,
  });
});
