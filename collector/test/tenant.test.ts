import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { allDatabases, databaseFor } from '../src/db/databaseFor';
import type { Bindings } from '../src/env';
import {
  ADMIN,
  call,
  createSite,
  deliver,
  delivery,
  eventually,
  npsAnswer,
  pageview,
  postBatch,
  readStats,
} from './helpers';

// vitest.config.ts maps the site `tenant-shop` to the D1 binding TENANT_DB (SITE_DATABASES); every other site's data
// is in DB, which also stays the directory of all sites.

const countIn = async (db: D1Database, table: string, site: string) =>
  (await db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE site = ?`).bind(site).first<{ n: number }>())!.n;

describe('databaseFor', () => {
  it("picks a mapped site's own database, the shared one for any other, and refuses a binding that does not exist", () => {
    const bindings = env as unknown as Bindings;
    expect(databaseFor(bindings, 'tenant-shop')).toBe(env.TENANT_DB);
    expect(databaseFor(bindings, 'any-other-site')).toBe(env.DB);
    // Any string is a site id, this one too (the fuzz test found it).
    expect(databaseFor(bindings, '__proto__')).toBe(env.DB);
    expect(allDatabases(bindings)).toEqual([env.DB, env.TENANT_DB]);
    const misconfigured = { ...bindings, SITE_DATABASES: JSON.stringify({ 'tenant-shop': 'NO_SUCH_DB' }) };
    expect(() => databaseFor(misconfigured, 'tenant-shop')).toThrow('NO_SUCH_DB');
  });
});

describe('a site with a database of its own', () => {
  it('keeps its keys in the directory, and its surveys, events, stats and erasures in its own database', async () => {
    const site = await createSite('tenant-shop');
    // The directory and the site's database both hold its row (the site's tables refer to it).
    expect(await env.DB.prepare("SELECT write_key FROM sites WHERE id = 'tenant-shop'").first()).toEqual({
      write_key: site.writeKey,
    });
    expect(await env.TENANT_DB.prepare("SELECT write_key FROM sites WHERE id = 'tenant-shop'").first()).toEqual({
      write_key: site.writeKey,
    });

    const survey = {
      id: 'nps',
      questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }],
      triggers: [{ on: 'pageview' }],
    };
    const put = await call('/v1/admin/sites/tenant-shop/surveys/nps', {
      method: 'PUT',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify(survey),
    });
    expect(put.status).toBeLessThan(300);
    expect([
      await countIn(env.TENANT_DB, 'surveys', 'tenant-shop'),
      await countIn(env.DB, 'surveys', 'tenant-shop'),
    ]).toEqual([1, 0]);
    const config = await call(`/v1/sites/${site.writeKey}/config`);
    expect(((await config.json()) as { surveys: { id: string }[] }).surveys.map(({ id }) => id)).toEqual(['nps']);

    // Through the write path and the real Queue.
    const answers = [npsAnswer(10, { visitor: 'v-tenant' }), npsAnswer(9), npsAnswer(3)];
    expect((await postBatch({ site: site.writeKey, events: [...answers, pageview()] })).status).toBe(202);
    expect(
      await eventually(
        () => countIn(env.TENANT_DB, 'events', 'tenant-shop'),
        (n) => n >= 4,
      ),
    ).toBe(4);
    expect(await countIn(env.DB, 'events', 'tenant-shop')).toBe(0);
    const nps = await readStats<{ n: number; promoters: number; detractors: number }>(
      'tenant-shop',
      site.readKey,
      'nps',
    );
    expect(nps.body).toMatchObject({ n: 3, promoters: 2, detractors: 1 });

    const erased = await call('/v1/sites/tenant-shop/respondents/v-tenant', { method: 'DELETE', headers: ADMIN });
    expect(erased.status).toBe(200);
    expect(await countIn(env.TENANT_DB, 'events', 'tenant-shop')).toBe(3);
  });

  it("stores one consumer batch's deliveries each in its site's database", async () => {
    await createSite('tenant-neighbour');
    const result = await deliver([
      await delivery('tenant-shop', [pageview({ visitor: 'v-batch' })]),
      await delivery('tenant-neighbour', [pageview({ visitor: 'v-batch' }), pageview()]),
    ]);
    expect(result.ackAll).toBe(true);
    expect(await countIn(env.TENANT_DB, 'events', 'tenant-neighbour')).toBe(0);
    expect(await countIn(env.DB, 'events', 'tenant-neighbour')).toBe(2);
    expect(
      await env.TENANT_DB.prepare(
        "SELECT COUNT(*) AS n FROM events WHERE site = 'tenant-shop' AND visitor = 'v-batch'",
      ).first<{ n: number }>(),
    ).toEqual({ n: 1 });
  });
});
