import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { insertEvents } from '../src/db/events';
import {
  ADMIN,
  before0012,
  call,
  createSite,
  deliver,
  delivery,
  npsAnswer,
  pageview,
  readStats,
  storedCount,
} from './helpers';

const WINDOW = `?from=2000-01-01&to=${new Date(Date.now() + 86_400_000).toISOString()}`;

describe('events are keyed by site and id', () => {
  it('stores the same id on two sites, once each, and erases one without the other', async () => {
    const a = await createSite('ids-a');
    const b = await createSite('ids-b');
    const shared = npsAnswer(9, { visitor: 'v-shared' });
    for (const site of ['ids-a', 'ids-b']) expect((await deliver([await delivery(site, [shared])])).ackAll).toBe(true);
    // A redelivery to either still counts once.
    await deliver([await delivery('ids-a', [shared]), await delivery('ids-b', [shared])]);
    expect(await storedCount('ids-a')).toBe(1);
    expect(await storedCount('ids-b')).toBe(1);
    for (const [site, key] of [
      ['ids-a', a.readKey],
      ['ids-b', b.readKey],
    ] as const) {
      expect((await readStats<{ n: number }>(site, key, 'nps', WINDOW)).body.n).toBe(1);
      expect((await readStats<{ stored: number }>(site, key, 'ingest', WINDOW)).body.stored).toBe(1);
    }
    const erased = await call('/v1/sites/ids-a/respondents/v-shared', { method: 'DELETE', headers: ADMIN });
    expect(erased.status).toBe(200);
    expect(await storedCount('ids-a')).toBe(0);
    expect(await storedCount('ids-b')).toBe(1);
    expect((await readStats<{ n: number }>('ids-b', b.readKey, 'nps', WINDOW)).body.n).toBe(1);
  });
});

describe('migration 0006 (events keyed by site and id)', () => {
  it('keeps every row, rollup and trigger of a database built by migrations 0001–0005', async () => {
    const db = env.MIGRATION_DB;
    const before = env.TEST_MIGRATIONS.filter((migration) => migration.name < '0006');
    expect(before).toHaveLength(5);
    await applyD1Migrations(db, before);
    const received = Date.now();
    const events = await delivery('m', [
      npsAnswer(10),
      npsAnswer(8),
      npsAnswer(3),
      pageview({ url: '/a' }),
      pageview({ url: '/b', session: 's-2' }),
      { ...pageview(), type: 'rage_click', target: '#buy', count: 4 } as never,
    ]);
    // Inserted as the code of that time did: the old table has no (site, id) key to name on conflict.
    const then = {
      prepare: (sql: string) => before0012(db).prepare(sql.replace(' ON CONFLICT (site, id) DO NOTHING', '')),
    } as D1Database;
    await db.batch(insertEvents(then, 'm', received, events.events));
    const snapshot = async () =>
      Object.fromEntries(
        await Promise.all(
          ['events', 'nps_hourly', 'friction_hourly', 'friction_elements', 'session_pages', 'ingest_hourly'].map(
            async (table) => [table, (await db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all()).results],
          ),
        ),
      );
    const old = await snapshot();
    expect(old.events).toHaveLength(6);

    // Up to 0006 only: 0007 rebuilds nps_hourly per score (its own test is nps-per-score.test.ts).
    await applyD1Migrations(
      db,
      env.TEST_MIGRATIONS.filter((migration) => migration.name < '0007'),
    );
    expect(await snapshot()).toEqual(old);

    // The triggers are back: a new event rolls up, the same id on another site is stored, erasure subtracts.
    const more = await delivery('m', [npsAnswer(9, { visitor: 'v-late' })]);
    await db.batch(insertEvents(before0012(db), 'm', received, more.events));
    await db.batch(insertEvents(before0012(db), 'other', received, more.events));
    await db.batch(insertEvents(before0012(db), 'm', received, more.events));
    const nps = await db
      .prepare('SELECT SUM(promoters) AS p, SUM(passives) AS pa, SUM(detractors) AS d FROM nps_hourly WHERE site = ?')
      .bind('m')
      .first();
    expect(nps).toEqual({ p: 2, pa: 1, d: 1 });
    expect((await db.prepare("SELECT COUNT(*) AS n FROM events WHERE site = 'other'").first())!.n).toBe(1);
    await db.prepare("DELETE FROM events WHERE site = 'm' AND visitor = 'v-late'").run();
    expect(
      (await db.prepare("SELECT SUM(promoters) AS p FROM nps_hourly WHERE site = 'm'").first<{ p: number }>())!.p,
    ).toBe(1);
  });
});
