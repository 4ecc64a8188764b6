import type { FormStats } from '../../../collector/src/aggregates/forms/schema';
import { eventually } from '../helpers/collector';
import { deviceOf, flush, friction, press, recordRequests, sdkReady, stats } from '../helpers/friction';
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

  // The form stats: one session touched the checkout and left it, at the address field.
  const forms = await eventually(
    () => stats<FormStats>('forms', { path: '/checkout' }),
    (stats) => stats.forms.length > 0,
  );
  expect(forms.forms).toEqual([
    expect.objectContaining({
      form: '#checkout',
      path: '/checkout',
      touched: 1,
      submitted: 0,
      abandoned: 1,
      lastFields: [{ field: 'address', sessions: 1 }],
    }),
  ]);
  expect(forms.forms[0]!.medianDuration).toBeGreaterThanOrEqual(500);
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
  expect(sent.events().filter((event) => event.type === 'form_submit')).toEqual([
    expect.objectContaining({ url: '/checkout', form: '#checkout', fields: 5 }),
  ]);

  // A second session touched the checkout and submitted it: the abandonment rate halves.
  const forms = await eventually(
    () => stats<FormStats>('forms', { path: '/checkout' }),
    (stats) => stats.forms[0]?.touched === 2,
  );
  expect(forms.forms).toEqual([
    expect.objectContaining({
      form: '#checkout',
      touched: 2,
      submitted: 1,
      abandoned: 1,
      abandonmentRate: expect.objectContaining({ value: 50 }),
      lowSample: true,
    }),
  ]);
});
