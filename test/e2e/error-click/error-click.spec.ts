import { eventually } from '../helpers/collector';
import { deviceOf, flush, friction, openProduct, press, recordRequests } from '../helpers/friction';
import { expect, site, test } from '../helpers/site';

test('a button that throws is an error click, and the error is a JS error with file, line and frames', async ({
  page,
  isMobile,
}) => {
  const device = deviceOf(isMobile);
  const before = await friction('/product/3', device);
  const sent = recordRequests(page.context());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await openProduct(page, 3);
  await press(page.getByRole('button', { name: 'Notify me about new colours' }), isMobile);
  await page.waitForTimeout(3000);
  await flush(page);

  // The page's own error, and nothing from Pulse.
  expect(pageErrors).toHaveLength(1);
  const [message] = pageErrors;
  const events = sent.events();
  expect(events.filter((event) => event.type === 'error_click')).toEqual([
    expect.objectContaining({ target: '#notify', label: 'Notify me about new colours', url: '/product/3' }),
  ]);
  const errors = events.filter((event) => event.type === 'js_error');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ file: `${site().origin}/shop.js`, url: '/product/3' });
  expect(errors[0]!.type === 'js_error' && errors[0]!.message).toContain(message);
  expect(errors[0]!.type === 'js_error' && errors[0]!.line).toBeGreaterThan(0);
  expect(errors[0]!.type === 'js_error' && errors[0]!.stack?.[0]).toContain('/shop.js:');
  // The error was the page's reaction: not a dead click as well.
  expect(events.filter((event) => event.type === 'dead_click')).toEqual([]);

  const after = await eventually(
    () => friction('/product/3', device),
    (stats) => stats.signals.js_error!.count > before.signals.js_error!.count,
  );
  expect(after.signals.error_click!.count).toBe(before.signals.error_click!.count + 1);
  expect(after.signals.js_error!.count).toBe(before.signals.js_error!.count + 1);
});
