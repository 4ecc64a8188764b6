import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { frictionCounts } from '../src/aggregates/friction/queries';
import type { FrictionStats } from '../src/aggregates/friction/schema';
import { windowOf } from '../src/aggregates/window';
import { event, HOUR, store, T0, WINDOW } from './frictionEvents';
import { call, createSite, readStats, rowsRead } from './helpers';

let keys: { readKey: string };

const friction = async (query = '') => {
  const { status, body } = await readStats<FrictionStats>(
    'friction-site',
    keys.readKey,
    'friction',
    `${WINDOW}${query}`,
  );
  expect(status).toBe(200);
  return body;
};

beforeAll(async () => {
  keys = await createSite('friction-site');
  // Session a (desktop): the shop, two products (ids become :id), the shop again. Session b (phone): one product.
  // Session c (desktop) the next day: the shop.
  const a = { session: 'a', visitor: 'va' };
  const b = { session: 'b', visitor: 'vb', device: 'mobile' as const };
  await store('friction-site', [
    event('pageview', { ...a, url: '/shop' }),
    event('pageview', { ...a, url: '/product/123', ts: T0 + 60_000 }),
    event('rage_click', { ...a, url: '/product/123', target: '#add', label: 'Add to cart', count: 4 }),
    event('rage_click', { ...a, url: '/product/123', target: '#add', label: 'Add to cart', count: 3 }),
    event('dead_click', { ...a, url: '/product/123', target: 'div.gallery>img', ts: T0 + 70_000 }),
    event('pageview', { ...a, url: '/product/456?ref=x', ts: T0 + 2 * HOUR }),
    event('error_click', {
      ...a,
      url: '/product/456',
      target: '#add',
      label: 'Add to cart',
      message: 'x is undefined',
    }),
    event('js_error', { ...a, url: '/product/456', message: 'x is undefined', file: 'https://shop.test/a.js?v=1' }),
    event('pageview', { ...a, url: '/shop', ts: T0 + 3 * HOUR }),
    event('excessive_scroll', { ...a, url: '/shop', changes: 5 }),
    event('pageview', { ...b, url: '/product/123e4567-e89b-42d3-a456-426614174000' }),
    event('dead_click', { ...b, url: '/product/9', target: 'div.gallery>img' }),
    event('form_abandon', { ...b, url: '/product/9', form: '#review', fields: 2, last: 'title', duration: 3000 }),
    event('quick_back', { ...b, url: '/product/9', to: '/shop', duration: 2000 }),
    event('pageview', { session: 'c', visitor: 'vc', url: '/shop', ts: T0 + 24 * HOUR }),
    // Not friction: never counted here.
    event('track', { ...a, name: 'signup' }),
  ]);
});

describe('GET /v1/sites/:site/stats/friction', () => {
  it('counts each signal, page views and sessions, and rates them per 100 page views', async () => {
    const body = await friction();
    expect(body).toMatchObject({
      from: '2026-11-01T10:00:00.000Z',
      to: '2026-11-09T11:00:00.000Z',
      n: 6,
      pageviews: 6,
      sessions: 3,
    });
    expect(body.rate).toBeCloseTo((100 * 9) / 6, 10);
    expect(body.signals).toEqual({
      rage_click: { count: 2, rate: (100 * 2) / 6 },
      dead_click: { count: 2, rate: (100 * 2) / 6 },
      error_click: { count: 1, rate: 100 / 6 },
      js_error: { count: 1, rate: 100 / 6 },
      form_abandon: { count: 1, rate: 100 / 6 },
      quick_back: { count: 1, rate: 100 / 6 },
      excessive_scroll: { count: 1, rate: 100 / 6 },
    });
  });

  it('rolls up per normalised path, counting each session once per page', async () => {
    const body = await friction();
    const pages = Object.fromEntries(body.pages.map((page) => [page.path, page]));
    expect(Object.keys(pages).sort()).toEqual(['/product/:id', '/shop']);
    expect(pages['/product/:id']).toMatchObject({ pageviews: 3, sessions: 2 });
    expect(pages['/product/:id']!.signals.rage_click).toEqual({ count: 2, rate: (100 * 2) / 3 });
    expect(pages['/product/:id']!.rate).toBeCloseTo((100 * 8) / 3, 10);
    expect(pages['/shop']).toMatchObject({ pageviews: 3, sessions: 2 });
    expect(pages['/shop']!.rate).toBeCloseTo(100 / 3, 10);
    // The worst page (most friction per page view) comes first.
    expect(body.pages[0]!.path).toBe('/product/:id');
  });

  it('lists the worst elements by rage and dead clicks, with selector and label', async () => {
    const { elements } = await friction();
    expect(elements).toEqual([
      {
        path: '/product/:id',
        target: '#add',
        label: 'Add to cart',
        rage_click: 2,
        dead_click: 0,
        error_click: 1,
        verbatims: [],
      },
      {
        path: '/product/:id',
        target: 'div.gallery>img',
        label: null,
        rage_click: 0,
        dead_click: 2,
        error_click: 0,
        verbatims: [],
      },
    ]);
  });

  it("lists visitors' own words beside an element: the latest 3 answers to surveys its click problems raised", async () => {
    const site = 'friction-words';
    const key = (await createSite(site)).readKey;
    const said = (text: string, minutes: number, fields: Record<string, unknown> = {}) =>
      event('survey_answer', {
        url: '/checkout',
        ts: T0 + minutes * 60_000,
        survey: 'broken',
        response: `r-${text}`,
        question: 'what',
        kind: 'text',
        value: text,
        target: '#pay',
        ...fields,
      } as Record<string, unknown>);
    await store(site, [
      event('rage_click', { url: '/checkout', target: '#pay', label: 'Pay', count: 3 }),
      said('Nothing happens', 1),
      said('Pay does not work', 2),
      said('Stuck at payment', 3),
      said('Tried five times', 4),
      said('Another page, another button', 5, { url: '/cart' }),
      said('Asked without a click problem', 6, { target: undefined }),
    ]);
    const { body } = await readStats<FrictionStats>(site, key, 'friction', WINDOW);
    expect(body.elements).toEqual([
      expect.objectContaining({
        target: '#pay',
        verbatims: ['Tried five times', 'Stuck at payment', 'Pay does not work'].map((text, index) => ({
          text,
          time: new Date(T0 + (4 - index) * 60_000).toISOString(),
        })),
      }),
    ]);
  });

  it('filters by path and device, with sessions of that path or device', async () => {
    const product = await friction('&path=/product/77');
    expect(product).toMatchObject({ n: 3, pageviews: 3, sessions: 2 });
    expect(product.signals.dead_click.count).toBe(2);
    expect(product.pages.map((page) => page.path)).toEqual(['/product/:id']);
    const phones = await friction('&device=mobile');
    expect(phones).toMatchObject({ pageviews: 1, sessions: 1 });
    expect(phones.signals.quick_back).toEqual({ count: 1, rate: 100 });
    expect(phones.elements).toEqual([
      {
        path: '/product/:id',
        target: 'div.gallery>img',
        label: null,
        rage_click: 0,
        dead_click: 1,
        error_click: 0,
        verbatims: [],
      },
    ]);
  });

  it('gives a daily series that adds up', async () => {
    const body = await friction('&interval=day');
    expect(body.series).toEqual([
      expect.objectContaining({ from: '2026-11-02T00:00:00.000Z', n: 5, pageviews: 5, sessions: 2 }),
      expect.objectContaining({ from: '2026-11-03T00:00:00.000Z', n: 1, pageviews: 1, sessions: 1, rate: 0 }),
    ]);
  });

  it('counts exactly the page views of windows made of whole days and edge hours', async () => {
    const t0Hour = Math.floor(T0 / HOUR);
    for (const [from, to, pageviews] of [
      [t0Hour, t0Hour + 1, 3],
      [t0Hour + 2, t0Hour + 30, 3],
      [t0Hour - 30, t0Hour + 50, 6],
      [t0Hour + 3, t0Hour + 4, 1],
      [t0Hour + 4, t0Hour + 24, 0],
    ] as const) {
      const { status, body } = await readStats<FrictionStats>(
        'friction-site',
        keys.readKey,
        'friction',
        `?from=${from * HOUR}&to=${to * HOUR}`,
      );
      expect(status).toBe(200);
      expect(body.pageviews, `${from}–${to}`).toBe(pageviews);
    }
  });

  it('reads rows of the window only, however much history the site has', async () => {
    await createSite('friction-history');
    await store('friction-history', [
      event('pageview', { url: '/shop' }),
      event('rage_click', { url: '/shop', target: '#buy', count: 3 }),
    ]);
    const windows = ['', 'hour', 'day', 'week'].map((interval) =>
      windowOf({ ...Object.fromEntries(new URLSearchParams(WINDOW)), interval: interval || undefined } as never),
    );
    const read = () =>
      Promise.all(windows.map((window) => rowsRead((db) => frictionCounts(db, 'friction-history', window, {}))));
    const before = await read();
    // Two years of hourly counts (and so daily ones), from 60 days before the window on.
    await env.DB.batch(
      [
        "INSERT INTO friction_hourly SELECT 'friction-history', ? - n, '/shop', 'desktop', 'pageview', 1 FROM ago",
        "INSERT INTO friction_elements SELECT 'friction-history', ? - n, '/shop', 'desktop', '#buy', 'rage_click', 1, NULL FROM ago",
      ].map((insert) =>
        env.DB.prepare(
          `WITH RECURSIVE ago(n) AS (SELECT 1440 UNION ALL SELECT n + 1 FROM ago WHERE n < 18960) ${insert}`,
        ).bind(Math.floor(T0 / HOUR)),
      ),
    );
    expect(await read()).toEqual(before);
  });

  it('reads whole days from the daily counts: one row a day, not one an hour', async () => {
    const days = await createSite('friction-days');
    const window = windowOf(Object.fromEntries(new URLSearchParams(WINDOW)));
    // A page view in every hour of the window.
    await env.DB.prepare(
      `WITH RECURSIVE hours(hour) AS (SELECT ?1 UNION ALL SELECT hour + 1 FROM hours WHERE hour < ?2 - 1)
       INSERT INTO friction_hourly SELECT 'friction-days', hour, '/shop', 'desktop', 'pageview', 1 FROM hours`,
    )
      .bind(window.fromHour, window.toHour)
      .run();
    const hours = window.toHour - window.fromHour;
    const { body } = await readStats<FrictionStats>('friction-days', days.readKey, 'friction', WINDOW);
    expect(body.pageviews).toBe(hours);
    const read = await rowsRead((db) => frictionCounts(db, 'friction-days', window, {}));
    expect(read).toBeLessThan(hours / 2);
  });

  it('reports zero and null rates for a window without page views', async () => {
    const { body } = await readStats<FrictionStats>(
      'friction-site',
      keys.readKey,
      'friction',
      '?from=2020-01-01&to=2020-01-02',
    );
    expect(body).toMatchObject({ n: 0, pageviews: 0, sessions: 0, rate: null, pages: [], elements: [] });
    expect(body.signals.rage_click).toEqual({ count: 0, rate: null });
  });

  it('needs the read key', async () => {
    const { status } = await readStats('friction-site', 'sk_wrong', 'friction');
    expect(status).toBe(403);
  });
});

describe('friction events on the write path', () => {
  it('stores error texts cut to size and script URLs without their query strings', async () => {
    await createSite('friction-write');
    const error = event('js_error', {
      message: 'x'.repeat(800),
      file: 'https://shop.test/app.js?v=3&token=secret#x',
      line: 3,
      col: 9,
      stack: ['at f (https://shop.test/app.js?v=3:3:9)', 'at g (https://cdn.test/lib.js:1:1)'],
      rejection: false,
    });
    const dead = event('dead_click', { target: `main>${'div.wrapper>'.repeat(40)}button` });
    await store('friction-write', [error, dead]);
    const rows = await env.DB.prepare(
      "SELECT type, target, data FROM events WHERE site = 'friction-write' ORDER BY id",
    ).all<{ type: string; target: string | null; data: string }>();
    const [storedError, storedDead] = rows.results;
    expect(JSON.parse(storedError!.data)).toEqual({
      message: 'x'.repeat(500),
      file: 'https://shop.test/app.js',
      line: 3,
      col: 9,
      stack: ['at f (https://shop.test/app.js:3:9)', 'at g (https://cdn.test/lib.js:1:1)'],
      rejection: false,
      // The error rollups' keys (see aggregates/errors/fingerprint.ts).
      messageKey: expect.stringMatching(/^[0-9a-f]{16}$/),
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(storedDead!.target).toHaveLength(300);
  });
});

describe('OpenAPI', () => {
  it('documents the friction, vitals and funnel routes', async () => {
    const doc = (await (await call('/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const path of ['friction', 'vitals', 'funnels'])
      expect(doc.paths[`/v1/sites/{site}/stats/${path}`]).toHaveProperty('get');
    expect(Object.keys(doc.paths['/v1/admin/sites/{site}/funnels/{funnel}']!).sort()).toEqual(['delete', 'put']);
    expect(doc.paths['/v1/admin/sites/{site}/funnels']).toHaveProperty('get');
  });
});
