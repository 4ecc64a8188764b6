import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { event, HOUR, store, T0, vital, WINDOW } from './frictionEvents';
import { ADMIN, call, createSite, readStats } from './helpers';

const FUNNEL = {
  id: 'buy',
  steps: [{ url: { match: 'glob', value: '/product/*' } }, { url: { match: 'exact', value: '/cart' } }],
};

/** A visitor's visit with every kind of event the friction rollups count; new event ids on every call. */
const visit = (visitor: string, device: 'desktop' | 'mobile', value: number) => {
  const base = { visitor, session: `${visitor}-s`, device };
  return [
    event('pageview', { ...base, url: '/product/1' }),
    event('rage_click', { ...base, url: '/product/1', target: '#add', label: 'Add', count: 3 }),
    event('dead_click', { ...base, url: '/product/1', target: 'img.hero' }),
    event('js_error', { ...base, url: '/product/1', message: 'boom' }),
    event('pageview', { ...base, url: '/cart', ts: T0 + HOUR }),
    event('form_abandon', { ...base, url: '/cart', form: '#coupon', fields: 1, duration: 900 }),
    vital('LCP', value, `${visitor}-lcp`, { ...base, url: '/product/1' }),
    vital('CLS', 0.02, `${visitor}-cls`, { ...base, url: '/product/1' }),
    vital('CLS', 0.4, `${visitor}-cls`, { ...base, url: '/product/1', ts: T0 + 5000 }),
  ];
};

/** Every friction, vitals and funnel answer of a site, for comparing two sites. */
const everything = async (site: string, readKey: string) => {
  const read = async (route: string) => {
    const { status, body } = await readStats<Record<string, unknown>>(site, readKey, route, `${WINDOW}&interval=hour`);
    expect(status).toBe(200);
    return body;
  };
  return { friction: await read('friction'), vitals: await read('vitals'), funnels: await read('funnels') };
};

const putFunnel = (site: string) =>
  call(`/v1/admin/sites/${site}/funnels/buy`, {
    method: 'PUT',
    headers: { ...ADMIN, 'Content-Type': 'application/json' },
    body: JSON.stringify(FUNNEL),
  });

/** Rows of the per-session helper tables that belong to a site. */
const helperRows = async (site: string) => {
  const count = async (table: string) =>
    (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE site = ?`).bind(site).first<{ n: number }>())!.n;
  return {
    session_pages: await count('session_pages'),
    vital_metrics: await count('vital_metrics'),
    funnel_progress: await count('funnel_progress'),
  };
};

/** Rows where a daily friction table differs from the sums of its hourly table, for a site. */
const dailyMismatches = async (site: string) => {
  const pairs = [
    ['friction_daily', 'friction_hourly', 'path, device, type'],
    ['friction_elements_daily', 'friction_elements', 'path, device, target, type'],
  ];
  const rows = [];
  for (const [daily, hourly, key] of pairs) {
    const byDay = `SELECT day, ${key}, count FROM ${daily} WHERE site = ?1`;
    const sums = `SELECT hour / 24, ${key}, SUM(count) FROM ${hourly} WHERE site = ?1 GROUP BY hour / 24, ${key}`;
    for (const sql of [`${byDay} EXCEPT ${sums}`, `${sums} EXCEPT ${byDay}`])
      rows.push(...(await env.DB.prepare(sql).bind(site).all()).results);
  }
  return rows;
};

describe('erasure', () => {
  it("leaves every friction, vitals and funnel aggregate as if the erased visitor's events had never been stored", async () => {
    const both = await createSite('erase-both');
    const onlyB = await createSite('erase-only-b');
    for (const site of ['erase-both', 'erase-only-b']) expect((await putFunnel(site)).status).toBe(201);
    await store('erase-both', [...visit('a', 'mobile', 5200), ...visit('b', 'desktop', 1900)]);
    await store('erase-only-b', visit('b', 'desktop', 1900));
    const before = await everything('erase-both', both.readKey);
    expect((before.friction as { sessions: number }).sessions).toBe(2);

    await env.DB.prepare("DELETE FROM events WHERE site = 'erase-both' AND visitor = 'a'").run();

    expect(await everything('erase-both', both.readKey)).toEqual(await everything('erase-only-b', onlyB.readKey));
    expect(await helperRows('erase-both')).toEqual(await helperRows('erase-only-b'));
    expect(await helperRows('erase-both')).toEqual({ session_pages: 3, vital_metrics: 2, funnel_progress: 2 });
    expect(await dailyMismatches('erase-both')).toEqual([]);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM friction_daily WHERE site = 'erase-both'").first('n')).toBe(
      await env.DB.prepare("SELECT COUNT(*) AS n FROM friction_daily WHERE site = 'erase-only-b'").first('n'),
    );
  });

  it('moves a metric record back to the previous report when only its latest report is deleted', async () => {
    const site = await createSite('erase-one-report');
    const earlier = vital('CLS', 0.02, 'm-1', { ts: T0 });
    const latest = vital('CLS', 0.4, 'm-1', { ts: T0 + 1000 });
    await store('erase-one-report', [earlier, latest]);
    const cls = async () =>
      (
        await readStats<{ metrics: { name: string; n: number; rating: string }[] }>(
          'erase-one-report',
          site.readKey,
          'vitals',
          WINDOW,
        )
      ).body.metrics.find((metric) => metric.name === 'CLS');
    expect(await cls()).toMatchObject({ n: 1, rating: 'poor' });
    await env.DB.prepare('DELETE FROM events WHERE id = ?').bind(latest.id).run();
    expect(await cls()).toMatchObject({ n: 1, rating: 'good' });
    await env.DB.prepare('DELETE FROM events WHERE id = ?').bind(earlier.id).run();
    expect(await cls()).toMatchObject({ n: 0, rating: null });
    const rows = await env.DB.prepare(
      `SELECT ${['vital_hourly', 'vital_daily', 'vital_weekly', 'vital_site_hourly', 'vital_site_daily']
        .map((table) => `(SELECT COUNT(*) FROM ${table} WHERE site = 'erase-one-report')`)
        .join(' + ')} AS n`,
    ).first<{ n: number }>();
    expect(rows!.n).toBe(0);
  });
});

describe('retention', () => {
  it('keeps every aggregate when the retention sweep deletes raw events and per-session helper rows', async () => {
    const site = await createSite('retention-friction');
    expect((await putFunnel('retention-friction')).status).toBe(201);
    await store('retention-friction', [...visit('a', 'mobile', 5200), ...visit('b', 'desktop', 1900)]);
    const before = await everything('retention-friction', site.readKey);
    await env.DB.batch([
      env.DB.prepare('INSERT INTO retention_sweep (active) VALUES (1)'),
      env.DB.prepare("DELETE FROM events WHERE site = 'retention-friction'"),
      env.DB.prepare("DELETE FROM session_pages WHERE site = 'retention-friction'"),
      env.DB.prepare("DELETE FROM vital_metrics WHERE site = 'retention-friction'"),
      env.DB.prepare("DELETE FROM funnel_progress WHERE site = 'retention-friction'"),
      env.DB.prepare('DELETE FROM retention_sweep'),
    ]);
    const raw = await env.DB.prepare("SELECT COUNT(*) AS n FROM events WHERE site = 'retention-friction'").first<{
      n: number;
    }>();
    expect(raw!.n).toBe(0);
    expect(await everything('retention-friction', site.readKey)).toEqual(before);
    expect(await dailyMismatches('retention-friction')).toEqual([]);
  });
});
