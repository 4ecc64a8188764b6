import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, call, createSite, npsAnswer, postBatch } from './helpers';

// The doors: who may write, who may read which site, and who may administer.
type Keys = { id: string; writeKey: string; readKey: string };
let a: Keys;
let b: Keys;
let guarded: Keys;

beforeAll(async () => {
  a = await createSite('auth-a');
  b = await createSite('auth-b');
  guarded = await createSite('auth-guarded', ['https://shop.example', 'https://www.shop.example']);
});

const READ_ROUTES = [
  '/stats/nps',
  '/stats/csat',
  '/stats/ces',
  '/stats/ingest',
  '/responses',
  '/responses?format=csv',
  '/responses?format=ndjson',
];

const read = (site: string, route: string, authorization?: string) =>
  call(`/v1/sites/${site}${route}`, { headers: authorization ? { Authorization: authorization } : {} });

const statusOf = async (response: Promise<Response>) => {
  const answer = await response;
  await answer.body?.cancel();
  return answer.status;
};

describe('read routes', () => {
  it.each(READ_ROUTES)('%s: only the site’s own read key reads', async (route) => {
    expect(await statusOf(read('auth-a', route, `Bearer ${a.readKey}`))).toBe(200);
    expect(await statusOf(read('auth-a', route))).toBe(401);
    expect(await statusOf(read('auth-a', route, `Basic ${btoa('user:pass')}`))).toBe(401);
    expect(await statusOf(read('auth-a', route, `Bearer ${a.writeKey}`))).toBe(403);
    expect(await statusOf(read('auth-a', route, `Bearer ${b.readKey}`))).toBe(403);
    expect(await statusOf(read('auth-a', route, ADMIN.Authorization))).toBe(403);
    expect(await statusOf(read('auth-a', route, `Bearer ${a.readKey}x`))).toBe(403);
    expect(await statusOf(read('no-such-site', route, `Bearer ${a.readKey}`))).toBe(403);
  });

  it('says why, as JSON, with WWW-Authenticate on a 401', async () => {
    const missing = await read('auth-a', '/stats/nps');
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(await missing.json()).toEqual({ error: { code: 'missing_key', message: expect.any(String) } });
    const wrong = await read('auth-a', '/stats/nps', `Bearer ${b.readKey}`);
    expect(await wrong.json()).toEqual({ error: { code: 'invalid_key', message: expect.any(String) } });
  });
});

const ADMIN_ROUTES: [string, string, unknown?][] = [
  ['GET', '/v1/admin/sites'],
  ['POST', '/v1/admin/sites', { id: 'auth-new', name: 'New' }],
  ['GET', '/v1/admin/sites/auth-a'],
  ['PATCH', '/v1/admin/sites/auth-a', { name: 'A' }],
  ['POST', '/v1/admin/sites/auth-b/keys', { which: 'write' }],
  [
    'PUT',
    '/v1/admin/sites/auth-a/surveys/nps',
    { id: 'nps', questions: [{ id: 'score', type: 'nps', text: 'Hi' }], triggers: [{ on: 'pageview' }] },
  ],
  ['DELETE', '/v1/sites/auth-a/respondents/visitor-1'],
];

describe('admin routes', () => {
  it.each(ADMIN_ROUTES)('%s %s: no admin token, no admin', async (method, path, body) => {
    const send = (authorization?: string) =>
      statusOf(
        call(path, {
          method,
          headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
    expect(await send()).toBe(401);
    expect(await send('Bearer wrong-token')).toBe(403);
    expect(await send('Bearer test-admin-tokenx')).toBe(403);
    expect(await send(`Bearer ${a.readKey}`)).toBe(403);
    expect(await send(`Bearer ${a.writeKey}`)).toBe(403);
    expect(await send(ADMIN.Authorization)).toBeLessThan(300);
  });

  it('never shows a read key again, nor its hash', async () => {
    const sites = (await (await call('/v1/admin/sites', { headers: ADMIN })).text()).toLowerCase();
    expect(sites).not.toContain(a.readKey);
    expect(sites).not.toContain('hash');
    expect(sites).toContain(a.writeKey);
  });
});

describe('write path', () => {
  const batch = () => ({ site: guarded.writeKey, events: [npsAnswer(9)] });

  it('takes events only from the allowed origins of a site that lists them', async () => {
    expect(await statusOf(postBatch(batch(), { Origin: 'https://shop.example' }))).toBe(202);
    expect(await statusOf(postBatch(batch(), { Origin: 'https://www.shop.example' }))).toBe(202);
    expect(await statusOf(postBatch(batch(), { Origin: 'https://evil.example' }))).toBe(403);
    expect(await statusOf(postBatch(batch(), { Origin: 'https://shop.example.evil.example' }))).toBe(403);
    expect(await statusOf(postBatch(batch(), { Origin: 'http://shop.example' }))).toBe(403);
    expect(await statusOf(postBatch(batch(), { Origin: 'null' }))).toBe(403);
    expect(await statusOf(postBatch(batch()))).toBe(403);
  });

  it('takes events from any origin when the site lists none', async () => {
    const open = { site: a.writeKey, events: [npsAnswer(9)] };
    expect(await statusOf(postBatch(open, { Origin: 'https://anywhere.example' }))).toBe(202);
    expect(await statusOf(postBatch(open))).toBe(202);
  });

  it('refuses a read key, a site id or a made-up key in place of the write key', async () => {
    for (const site of [a.readKey, 'auth-a', 'pk_madeup', ''])
      expect(await statusOf(postBatch({ site, events: [npsAnswer(9)] })), site).toBeGreaterThanOrEqual(400);
  });
});

describe('key rotation', () => {
  it('shuts the old keys at once and opens the new ones', async () => {
    const site = await createSite('auth-rotate');
    expect(await statusOf(postBatch({ site: site.writeKey, events: [npsAnswer(9)] }))).toBe(202);
    const rotated = (await (
      await call('/v1/admin/sites/auth-rotate/keys', {
        method: 'POST',
        headers: { ...ADMIN, 'Content-Type': 'application/json' },
        body: JSON.stringify({ which: 'both' }),
      })
    ).json()) as { writeKey: string; readKey: string };
    expect(rotated.writeKey).toMatch(/^pk_[a-z2-9]{24}$/);
    expect(rotated.readKey).toMatch(/^sk_[a-z2-9]{40}$/);
    expect(await statusOf(postBatch({ site: site.writeKey, events: [npsAnswer(9)] }))).toBe(403);
    expect(await statusOf(postBatch({ site: rotated.writeKey, events: [npsAnswer(9)] }))).toBe(202);
    expect(await statusOf(read('auth-rotate', '/stats/nps', `Bearer ${site.readKey}`))).toBe(403);
    expect(await statusOf(read('auth-rotate', '/stats/nps', `Bearer ${rotated.readKey}`))).toBe(200);
  });

  it('applies a new allow-list to the write path at once', async () => {
    const site = await createSite('auth-origins');
    const send = () =>
      statusOf(postBatch({ site: site.writeKey, events: [npsAnswer(9)] }, { Origin: 'https://a.example' }));
    expect(await send()).toBe(202);
    await call('/v1/admin/sites/auth-origins', {
      method: 'PATCH',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ origins: ['https://b.example'] }),
    });
    expect(await send()).toBe(403);
  });
});
