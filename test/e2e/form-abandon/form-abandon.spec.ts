import { eventually } from '../helpers/collector';
import { deviceOf, flush, friction, press, recordRequests, sdkReady } from '../helpers/friction';
import { expect, test } from '../helpers/site';

test('a checkout left half-filled is an abandoned form: fields touched and the last one, never a value', async ({
  page,
  isMobile,
}) => {
  const device = deviceOf(isMobile);
  const before = await friction('/checkout', device);
  const sent = recordRequests(page.context());

  await page.goto('/checkout');
  await sdkReady(page);
  await page.getByLabel('E-mail').fill('ada@example.com');
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Address').fill('12 St James Square');
  await page.waitForTimeout(500);
  // The visitor leaves for the shop without placing the order.
  await press(page.getByRole('link', { name: 'Shop', exact: true }), isMobile);
  await page.waitForURL('**/shop');
  await flush(page);

  const abandoned = sent.events().filter((event) => event.type === 'form_abandon');
  expect(abandoned).toEqual([
    expect.objectContaining({ url: '/checkout', form: '#checkout', fields: 3, last: 'address', device }),
  ]);
  expect(abandoned[0]!.type === 'form_abandon' && abandoned[0]!.duration).toBeGreaterThanOrEqual(500);

  const after = await eventually(
    () => friction('/checkout', device),
    (stats) => stats.signals.form_abandon!.count > before.signals.form_abandon!.count,
  );
  expect(after.signals.form_abandon!.count).toBe(before.signals.form_abandon!.count + 1);
});

test('a checkout that is submitted is not abandoned', async ({ page, isMobile }) => {
  const sent = recordRequests(page.context());
  await page.goto('/checkout');
  await sdkReady(page);
  for (const [label, value] of [
    ['E-mail', 'grace@example.com'],
    ['Full name', 'Grace Hopper'],
    ['Address', '1 Navy Way'],
    ['Postcode', '10001'],
    ['Card number', '4242 4242 4242 4242'],
  ])
    await page.getByLabel(label!).fill(value!);
  await press(page.getByRole('button', { name: 'Place order' }), isMobile);
  await page.waitForURL('**/checkout/done');
  await flush(page);
  const types = sent.events().map((event) => event.type);
  expect(types).toContain('track');
  expect(types).not.toContain('form_abandon');
});
