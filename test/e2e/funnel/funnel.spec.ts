import type { FunnelStats } from '../../../collector/src/aggregates/funnels/schema';
import { eventually } from '../helpers/collector';
import { deviceOf, flush, press, sdkReady, stats } from '../helpers/friction';
import { expect, test } from '../helpers/site';

const checkout = async (device: string) =>
  (await stats<FunnelStats>('funnels', { funnel: 'checkout', device })).funnels[0]!;

test('product → cart → checkout → order placed: the funnel counts each step reached and where sessions left', async ({
  page,
  isMobile,
}) => {
  const device = deviceOf(isMobile);
  const before = await checkout(device);
  expect(before.steps.map((step) => step.name)).toEqual(['Product', 'Cart', 'Checkout', 'Order placed']);

  // A first visitor reaches the cart and leaves there.
  await page.goto('/product/6');
  await sdkReady(page);
  await press(page.getByRole('button', { name: 'Add to cart' }), isMobile);
  await press(page.getByRole('link', { name: 'Go to your cart' }), isMobile);
  await page.waitForURL('**/cart');
  await flush(page);

  const halfway = await eventually(
    () => checkout(device),
    (funnel) => funnel.steps[1]!.reached > before.steps[1]!.reached,
  );
  expect(halfway.steps.map((step) => step.reached)).toEqual(
    before.steps.map((step, i) => step.reached + (i < 2 ? 1 : 0)),
  );
  expect(halfway.steps[1]!.left).toBe(before.steps[1]!.left + 1);

  // The same session goes on to place the order: it moves from "left at the cart" to completed.
  await press(page.getByRole('link', { name: 'Checkout' }), isMobile);
  await page.waitForURL('**/checkout');
  for (const [label, value] of [
    ['E-mail', 'kat@example.com'],
    ['Full name', 'Katherine Johnson'],
    ['Address', '1 Langley Road'],
    ['Postcode', '23665'],
    ['Card number', '4242 4242 4242 4242'],
  ])
    await page.getByLabel(label!).fill(value!);
  await press(page.getByRole('button', { name: 'Place order' }), isMobile);
  await page.waitForURL('**/checkout/done');
  await flush(page);

  const after = await eventually(
    () => checkout(device),
    (funnel) => funnel.completed > before.completed,
  );
  expect(after.n).toBe(before.n + 1);
  expect(after.completed).toBe(before.completed + 1);
  expect(after.steps.map((step) => step.reached)).toEqual(before.steps.map((step) => step.reached + 1));
  expect(after.steps.map((step) => step.left)).toEqual(before.steps.map((step) => step.left));
});
