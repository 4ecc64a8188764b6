import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileStep, funnelCounts } from '../src/aggregates/funnels/queries';
import type { FunnelStats } from '../src/aggregates/funnels/schema';
import { windowOf } from '../src/aggregates/window';
import { event, HOUR, store, T0, WINDOW } from './frictionEvents';
import { ADMIN, call, createSite, readStats, rowsRead } from './helpers';

const CHECKOUT = {
  id: 'checkout',
  name: 'Checkout',
  steps: [
    { name: 'Product', url: { match: 'glob', value: '/product/*' } },
    { name: 'Cart', url: { match: 'exact', value: '/cart' } },
    { name: 'Checkout', url: { match: 'prefix', value: '/checkout' } },
    { name: 'Order placed', event: 'order_placed' },
  ],
};

const putFunnel = (site: string, body: unknown, id = 'checkout', headers: Record<string, string> = ADMIN) =>
  call(`/v1/admin/sites/${site}/funnels/${id}`, {
    method: 'PUT',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

/** The page views and events of one session walking the shop. */
const walk = (session: string, steps: (string | { track: string })[], start = T0, device = 'desktop') =>
  steps.map((step, index) =>
    typeof step === 'string'
      ? event('pageview', { session, visitor: `v-${session}`, url: step, ts: start + index * 60_000, device } as never)
      : event('track', {
          session,
          visitor: `v-${session}`,
          name: step.track,
          ts: start + index * 60_000,
          device,
        } as never),
  );

/**
 * Seven sessions, with new event ids on every call: two complete the checkout, two stop at checkout, one at
 * the cart, one at a product, and one reaches the cart without seeing a product first (it never entered).
 */
const sessions = () => [
  ...walk('s1', ['/', '/product/12', '/cart', '/checkout', { track: 'order_placed' }, '/checkout/done']),
  ...walk(
    's2',
    ['/product/7?ref=ad', '/product/8', '/cart', '/checkout/pay', { track: 'order_placed' }],
    T0 + HOUR,
    'mobile',
  ),
  ...walk('s3', ['/product/3', '/cart', '/checkout']),
  ...walk('s4', ['/product/3', '/cart', '/']),
  ...walk('s5', ['/product/3/reviews', '/product/9']),
  ...walk('s6', ['/cart', '/checkout', { track: 'order_placed' }]),
  // Order matters: the order event before the checkout page does not complete the funnel.
  ...walk('s7', ['/product/1', '/cart', { track: 'order_placed' }, '/checkout']),
];

const EXPECTED = [
  { step: 1, name: 'Product', reached: 6, left: 1 },
  { step: 2, name: 'Cart', reached: 5, left: 1 },
  { step: 3, name: 'Checkout', reached: 4, left: 2 },
  { step: 4, name: 'Order placed', reached: 2, left: 0 },
];

const funnelStats = async (site: string, readKey: string, query = WINDOW) => {
  const { status, body } = await readStats<FunnelStats>(site, readKey, 'funnels', query);
  expect(status).toBe(200);
  return body;
};

describe('compileStep', () => {
  it('turns URL rules into GLOB patterns with the SDK semantics', () => {
    expect(compileStep({ url: { match: 'exact', value: '/a?b[1]*' } })).toEqual({
      kind: 'url',
      value: '/a?b[1]*',
      pattern: '/a[?]b[[]1][*]',
      slashes: null,
    });
    expect(compileStep({ url: { match: 'prefix', value: '/shop' } }).pattern).toBe('/shop*');
    expect(compileStep({ url: { match: 'contains', value: 'checkout' } }).pattern).toBe('*checkout*');
    expect(compileStep({ url: { match: 'glob', value: '/product/*/reviews' } })).toMatchObject({
      pattern: '/product/*/reviews',
      slashes: 3,
    });
    expect(compileStep({ url: { match: 'glob', value: '/docs/**' } })).toMatchObject({
      pattern: '/docs/*',
      slashes: null,
    });
    expect(compileStep({ event: 'order_placed' })).toEqual({
      kind: 'event',
      value: 'order_placed',
      pattern: null,
      slashes: null,
    });
  });
});

describe('funnels', () => {
  let live: { readKey: string };
  let later: { readKey: string };
  beforeAll(async () => {
    live = await createSite('funnel-live');
    later = await createSite('funnel-later');
    // One site has its funnel before the sessions happen, the other gets it afterwards: both must agree.
    expect((await putFunnel('funnel-live', CHECKOUT)).status).toBe(201);
    await store('funnel-live', sessions());
    await store('funnel-later', sessions());
    expect((await putFunnel('funnel-later', CHECKOUT)).status).toBe(201);
  });

  it('counts per step the sessions that reached it, in order, and those that left there', async () => {
    for (const [site, key] of [
      ['funnel-live', live.readKey],
      ['funnel-later', later.readKey],
    ] as const) {
      const body = await funnelStats(site, key);
      expect(body.funnels, site).toEqual([
        { id: 'checkout', name: 'Checkout', n: 6, completed: 2, conversion: 2 / 6, steps: EXPECTED },
      ]);
    }
  });

  it('filters by device and gives a series by the hour of entry', async () => {
    const phones = await funnelStats('funnel-live', live.readKey, `${WINDOW}&device=mobile`);
    expect(phones.funnels[0]).toMatchObject({ n: 1, completed: 1 });
    const hourly = await funnelStats('funnel-live', live.readKey, `${WINDOW}&interval=hour`);
    expect(hourly.funnels[0]!.series!.map((point) => [point.from, point.n, point.steps.at(-1)!.reached])).toEqual([
      ['2026-11-02T10:00:00.000Z', 5, 1],
      ['2026-11-02T11:00:00.000Z', 1, 1],
    ]);
  });

  it('reads rows of the window only, however much history the site has', async () => {
    const window = windowOf(Object.fromEntries(new URLSearchParams(WINDOW)));
    const read = () => rowsRead((db) => funnelCounts(db, 'funnel-live', window, {}));
    const before = await read();
    // Two years of hourly counts, from 60 days before the window on (outside any default window too).
    await env.DB.prepare(
      `WITH RECURSIVE ago(n) AS (SELECT 1440 UNION ALL SELECT n + 1 FROM ago WHERE n < 18960)
       INSERT INTO funnel_hourly SELECT 'funnel-live', 'checkout', ? - n, 'desktop', 1, 1 FROM ago`,
    )
      .bind(Math.floor(T0 / HOUR))
      .run();
    expect(await read()).toBe(before);
  });

  it('lists, replaces and deletes funnels through the admin API', async () => {
    const list = await call('/v1/admin/sites/funnel-live/funnels', { headers: ADMIN });
    expect(await list.json()).toEqual({ funnels: [CHECKOUT] });
    // Two steps only: the counts follow the new definition at once.
    const shorter = { ...CHECKOUT, steps: CHECKOUT.steps.slice(0, 2) };
    expect((await putFunnel('funnel-live', shorter)).status).toBe(200);
    expect((await funnelStats('funnel-live', live.readKey)).funnels[0]).toMatchObject({ n: 6, completed: 5 });
    const removed = await call('/v1/admin/sites/funnel-live/funnels/checkout', { method: 'DELETE', headers: ADMIN });
    expect(removed.status).toBe(204);
    expect((await funnelStats('funnel-live', live.readKey)).funnels).toEqual([]);
    const rows = await env.DB.prepare(
      "SELECT (SELECT COUNT(*) FROM funnel_progress WHERE site = 'funnel-live') + (SELECT COUNT(*) FROM funnel_hourly WHERE site = 'funnel-live') AS n",
    ).first<{ n: number }>();
    expect(rows!.n).toBe(0);
    const again = await call('/v1/admin/sites/funnel-live/funnels/checkout', { method: 'DELETE', headers: ADMIN });
    expect(again.status).toBe(404);
  });

  it('refuses invalid funnels with 400, and keeps the routes shut without the admin token', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...CHECKOUT, steps: CHECKOUT.steps.slice(0, 1) }, /steps/],
      [{ ...CHECKOUT, steps: [{ url: { match: 'glob', value: '/a/*/**' } }, { event: 'x' }] }, /not both/],
      [{ ...CHECKOUT, steps: [{ url: { match: 'exact', value: '/a' }, event: 'x' }, { event: 'y' }] }, /steps/],
      [{ ...CHECKOUT, id: 'other' }, /must equal the id in the path/],
    ];
    for (const [body, message] of cases) {
      const response = await putFunnel('funnel-later', body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    expect((await putFunnel('funnel-later', CHECKOUT, 'checkout', {})).status).toBe(401);
    expect((await putFunnel('funnel-later', CHECKOUT, 'checkout', { Authorization: 'Bearer nope' })).status).toBe(403);
    expect((await putFunnel('no-such-site', CHECKOUT)).status).toBe(404);
  });
});
