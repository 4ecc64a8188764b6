import { eventually } from '../helpers/collector';
import { deviceOf, flush, friction, openProduct, press, recordRequests } from '../helpers/friction';
import { expect, test } from '../helpers/site';

test('a button that does nothing is a dead click, with its selector and label', async ({ page, isMobile }) => {
  const device = deviceOf(isMobile);
  const before = await friction('/product/1', device);
  const sent = recordRequests(page.context());

  await openProduct(page, 1);
  await press(page.getByRole('button', { name: 'Size guide' }), isMobile);
  await page.waitForTimeout(3000);
  await flush(page);

  const dead = sent.events().filter((event) => event.type === 'dead_click');
  expect(dead).toEqual([
    expect.objectContaining({
      type: 'dead_click',
      target: '#size-guide',
      label: 'Size guide',
      url: '/product/1',
      device,
    }),
  ]);

  const after = await eventually(
    () => friction('/product/1', device),
    (stats) => stats.signals.dead_click!.count > before.signals.dead_click!.count,
  );
  expect(after.signals.dead_click!.count).toBe(before.signals.dead_click!.count + 1);
  const element = after.elements.find((entry) => entry.target === '#size-guide');
  const earlier = before.elements.find((entry) => entry.target === '#size-guide');
  expect(element).toMatchObject({
    path: '/product/:id',
    label: 'Size guide',
    dead_click: (earlier?.dead_click ?? 0) + 1,
  });
});
