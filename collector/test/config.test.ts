import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONFIG_CACHE_MS, forgetConfig, readConfigCached } from '../src/db/siteConfig';
import { ADMIN, call, createSite } from './helpers';

let site: { id: string; writeKey: string };

const survey = {
  id: 'nps',
  questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }],
  triggers: [{ on: 'pageview' }],
};

const putSurvey = (body: unknown, headers: Record<string, string> = ADMIN, id = 'nps') =>
  call(`/v1/admin/sites/config-site/surveys/${id}`, {
    method: 'PUT',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  site = await createSite('config-site');
});

describe('surveys and the public config', () => {
  it('serves a survey defined through the admin API, by write key or site id', async () => {
    expect((await putSurvey(survey)).status).toBe(201);
    expect((await putSurvey(survey)).status).toBe(200);
    for (const key of [site.writeKey, 'config-site']) {
      const response = await call(`/v1/sites/${key}/config`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=30');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(await response.json()).toEqual({ surveys: [survey], thresholds: {} });
    }
  });

  it('answers 304 to a matching ETag, and a new ETag after a change', async () => {
    const first = await call(`/v1/sites/${site.writeKey}/config`);
    const etag = first.headers.get('etag')!;
    await first.text();
    const again = await call(`/v1/sites/${site.writeKey}/config`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    await putSurvey({ ...survey, sample: 0.5 });
    const changed = await call(`/v1/sites/${site.writeKey}/config`, { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    await changed.text();
  });

  it('refuses an invalid definition with 400 naming the field', async () => {
    const response = await putSurvey({ ...survey, questions: [{ id: 'score', type: 'nps' }] });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^questions\.0\.text/);
    const branch = await putSurvey({
      ...survey,
      questions: [{ id: 'score', type: 'nps', text: 'Hi', branch: [{ max: 6, goto: 'missing' }] }],
    });
    expect(((await branch.json()) as { error: { message: string } }).error.message).toMatch(
      /branch\.0\.goto: no question/,
    );
  });

  it('keeps the admin routes shut without the admin token', async () => {
    expect((await putSurvey(survey, {})).status).toBe(401);
    expect((await putSurvey(survey, { Authorization: 'Bearer wrong' })).status).toBe(403);
    expect((await putSurvey(survey, { Authorization: `Bearer ${site.writeKey}` })).status).toBe(403);
  });

  it('answers 404 for an unknown site', async () => {
    const response = await call('/v1/sites/pk_unknown/config');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('site_not_found');
  });

  it("shows an admin change at once: a survey's deletion, new thresholds, a site created after a request for it", async () => {
    const before = await call('/v1/sites/config-later/config');
    expect(before.status).toBe(404);
    await before.text();
    await createSite('config-later');
    const created = await call('/v1/sites/config-later/config');
    expect(created.status).toBe(200);
    expect(await created.json()).toEqual({ surveys: [], thresholds: {} });

    const patched = await call('/v1/admin/sites/config-later', {
      method: 'PATCH',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ thresholds: { rageClick: { clicks: 5 } } }),
    });
    expect(patched.status).toBe(200);
    await patched.text();
    expect(await (await call('/v1/sites/config-later/config')).json()).toEqual({
      surveys: [],
      thresholds: { rageClick: { clicks: 5 } },
    });

    expect((await putSurvey(survey)).status).toBe(200);
    expect(
      ((await (await call('/v1/sites/config-site/config')).json()) as { surveys: unknown[] }).surveys,
    ).toHaveLength(1);
    const deleted = await call('/v1/admin/sites/config-site/surveys/nps', { method: 'DELETE', headers: ADMIN });
    expect(deleted.status).toBe(204);
    expect(await (await call('/v1/sites/config-site/config')).json()).toEqual({ surveys: [], thresholds: {} });
  });

  it("keeps a site's config in the isolate for 30 s, so that page views do not each read D1", async () => {
    const { writeKey } = await createSite('config-cached');
    const start = Date.now();
    const first = await readConfigCached(env, writeKey, start);
    // Another isolate's admin change: this one is not told.
    await env.DB.prepare('UPDATE sites SET thresholds = \'{"jsError":{"maxPerMessage":1}}\' WHERE id = ?')
      .bind('config-cached')
      .run();
    expect(await readConfigCached(env, writeKey, start + CONFIG_CACHE_MS - 1)).toEqual(first);
    const later = await readConfigCached(env, writeKey, start + CONFIG_CACHE_MS);
    expect(JSON.parse(later!.body).thresholds).toEqual({ jsError: { maxPerMessage: 1 } });
    expect(later!.etag).not.toBe(first!.etag);
    await env.DB.prepare("UPDATE sites SET thresholds = '{}' WHERE id = ?").bind('config-cached').run();
    forgetConfig({ id: 'config-cached', write_key: writeKey });
    expect(JSON.parse((await readConfigCached(env, writeKey, start + CONFIG_CACHE_MS))!.body).thresholds).toEqual({});
  });
});

describe('survey preview links', () => {
  let shop: { id: string; writeKey: string };
  const previewed = { ...survey, id: 'help', triggers: [{ on: 'manual' }], url: [{ match: 'exact', value: '/help' }] };

  /** Asks the admin API for a preview link of a survey of the preview site. */
  const link = async (id = 'help') => {
    const response = await call(`/v1/admin/sites/preview-site/surveys/${id}/preview`, {
      method: 'POST',
      headers: ADMIN,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  /** The config as a page opened with `token` asks for it. */
  const previewConfig = (token: string) =>
    call(`/v1/sites/${shop.writeKey}/config?preview=${encodeURIComponent(token)}`);

  beforeAll(async () => {
    shop = await createSite('preview-site', ['https://shop.example']);
    const put = await call('/v1/admin/sites/preview-site/surveys/help', {
      method: 'PUT',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify(previewed),
    });
    expect(put.status).toBe(201);
  });

  it('issues a link that works for 30 minutes, and the config answers its survey, uncached', async () => {
    const before = Date.now();
    const { status, body } = await link();
    expect(status).toBe(201);
    expect(body.expires).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(body.query).toBe(`pulse-preview=${body.token}`);
    expect(body.url).toBe(`https://shop.example/?pulse-preview=${body.token}`);
    const response = await previewConfig(body.token as string);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({ surveys: [previewed], preview: previewed, thresholds: {} });
  });

  it('refuses with 403 a link altered, for another site, expired, or issued before the read key changed', async () => {
    const { body } = await link();
    const token = body.token as string;
    const [payload, signature] = token.split('.') as [string, string];
    const other = await createSite('preview-other');
    const forged = btoa(JSON.stringify({ survey: 'help', expires: Date.now() + 864e5 })).replace(/=+$/, '');
    const refusals = [
      [`${forged}.${signature}`, 'preview_invalid'],
      [`${payload}.${signature.slice(0, -2)}`, 'preview_invalid'],
      ['nonsense', 'preview_invalid'],
    ] as const;
    for (const [bad, code] of refusals) {
      const response = await previewConfig(bad);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    const elsewhere = await call(`/v1/sites/${other.writeKey}/config?preview=${token}`);
    expect(elsewhere.status).toBe(403);
    await elsewhere.text();

    vi.useFakeTimers({ now: Date.now() + 30 * 60_000 + 1, toFake: ['Date'] });
    try {
      const expired = await previewConfig(token);
      expect(expired.status).toBe(403);
      const { error } = (await expired.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('preview_expired');
      expect(error.message).toMatch(/expired at \d{4}-\d\d-\d\dT/);
    } finally {
      vi.useRealTimers();
    }

    const rotated = await call('/v1/admin/sites/preview-site/keys', {
      method: 'POST',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ which: 'read' }),
    });
    expect(rotated.status).toBe(200);
    await rotated.text();
    const revoked = await previewConfig(token);
    expect(revoked.status).toBe(403);
    await revoked.text();
  });

  it('answers 404 for a survey the site does not have, when asked for a link or when it was deleted since', async () => {
    expect((await link('missing')).status).toBe(404);
    await call('/v1/admin/sites/preview-site/surveys/gone', {
      method: 'PUT',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...previewed, id: 'gone' }),
    }).then((response) => response.text());
    const { body } = await link('gone');
    await call('/v1/admin/sites/preview-site/surveys/gone', { method: 'DELETE', headers: ADMIN });
    const response = await previewConfig(body.token as string);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('survey_not_found');
  });
});
