import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { FrictionStats } from '../src/aggregates/friction/schema';
import { insertEvents } from '../src/db/events';
import { event, store, T0, WINDOW } from './frictionEvents';
import { createSite, delivery, readStats } from './helpers';

/** Bursts of 4 and 3 clicks on one page, 5 on another, and one in another hour of the first page. */
const bursts = () => [
  event('rage_click', { url: '/cart', target: '#pay', count: 4 }),
  event('rage_click', { url: '/cart', target: '#pay', count: 3 }),
  event('rage_click', { url: '/shop', target: '#more', count: 5 }),
  event('rage_click', { url: '/cart', target: '#pay', count: 6, ts: T0 + 3_600_000 }),
];

describe('rage click bursts', () => {
  it('count a burst once as a rage click, and keep how many clicks it had', async () => {
    const { readKey } = await createSite('bursts');
    await store('bursts', bursts());
    const { body } = await readStats<FrictionStats>('bursts', readKey, 'friction', `${WINDOW}&interval=hour`);
    expect(body.signals.rage_click.count).toBe(4);
    // (4 + 3 + 5 + 6) / 4 = 4.5 clicks per burst.
    expect(body.rageClickBursts).toEqual({ known: 4, clicks: 18, clicksPerBurst: 4.5 });
    expect(body.pages.find((page) => page.path === '/cart')?.rageClickBursts).toEqual({
      known: 3,
      clicks: 13,
      clicksPerBurst: 13 / 3,
    });
    expect(body.series!.filter((point) => point.rageClickBursts.known).map((point) => point.rageClickBursts)).toEqual([
      { known: 3, clicks: 12, clicksPerBurst: 4 },
      { known: 1, clicks: 6, clicksPerBurst: 6 },
    ]);
    // The bursts leave with their visitor.
    await env.DB.prepare("DELETE FROM events WHERE site = 'bursts'").run();
    const { body: erased } = await readStats<FrictionStats>('bursts', readKey, 'friction', WINDOW);
    expect(erased.rageClickBursts).toEqual({ known: 0, clicks: 0, clicksPerBurst: null });
  });

  it('are backfilled by migration 0013 from the stored events, as its triggers count them', async () => {
    const db = env.MIGRATION_DB;
    await applyD1Migrations(
      db,
      env.TEST_MIGRATIONS.filter((migration) => migration.name < '0013'),
    );
    const { events } = await delivery('m', bursts(), T0);
    await db.batch(insertEvents(db, 'm', T0, events));
    await applyD1Migrations(db, env.TEST_MIGRATIONS);
    await env.DB.batch(insertEvents(env.DB, 'm-after', T0, events));
    const rows = async (database: D1Database, site: string) =>
      (
        await database
          .prepare(
            `SELECT 'hourly' AS level, hour AS at, path, device, type, count FROM friction_hourly
             WHERE site = ? AND type LIKE 'rage_click%'
             UNION ALL SELECT 'daily', day, path, device, type, count FROM friction_daily
             WHERE site = ? AND type LIKE 'rage_click%' ORDER BY 1, 2, 3, 4, 5`,
          )
          .bind(site, site)
          .all()
      ).results;
    const backfilled = await rows(db, 'm');
    expect(backfilled).toEqual(await rows(env.DB, 'm-after'));
    expect(backfilled.filter((row) => row.level === 'daily' && row.type === 'rage_click.clicks')).toEqual([
      {
        level: 'daily',
        at: Math.floor(T0 / 86_400_000),
        path: '/cart',
        device: 'desktop',
        type: 'rage_click.clicks',
        count: 13,
      },
      {
        level: 'daily',
        at: Math.floor(T0 / 86_400_000),
        path: '/shop',
        device: 'desktop',
        type: 'rage_click.clicks',
        count: 5,
      },
    ]);
  });
});
