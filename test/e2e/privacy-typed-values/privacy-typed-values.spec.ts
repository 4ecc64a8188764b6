import { press, pressRepeatedly, recordRequests, sdkReady } from '../helpers/friction';
import { expect, test } from '../helpers/site';

test('what a visitor types never appears in any request, while the abandoned form is reported', async ({
  page,
  isMobile,
}) => {
  const typed = {
    'E-mail': 'zx81.typed.secret@example.org',
    'Full name': 'Typedvalue Neverleaves',
    Address: '77 Secretvalue Lane',
    Postcode: '98765',
    'Card number': '4111 1111 1111 1111',
  };
  const sent = recordRequests(page.context());
  await page.goto('/checkout');
  await sdkReady(page);
  for (const [label, value] of Object.entries(typed)) {
    await pressRepeatedly(page.getByLabel(label), isMobile, 3);
    await page.getByLabel(label).fill(value);
  }
  // The visitor leaves without placing the order, then clicks around the next page.
  await press(page.getByRole('link', { name: 'Shop', exact: true }), isMobile);
  await page.waitForURL('**/shop');
  await sdkReady(page);
  await page.evaluate(() => (window as unknown as { pulse: { flush(): Promise<void> } }).pulse.flush());

  expect(sent.events().filter((event) => event.type === 'form_abandon')).toEqual([
    expect.objectContaining({ form: '#checkout', fields: 5, last: 'card' }),
  ]);
  const everything = sent.requests.map((request) => `${request.url}\n${request.body}`).join('\n');
  for (const value of Object.values(typed)) {
    expect(everything).not.toContain(value);
    expect(everything).not.toContain(encodeURIComponent(value));
  }
  expect(everything).not.toContain('4111111111111111');
});
