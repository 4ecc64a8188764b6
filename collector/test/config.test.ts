import { beforeAll, describe, expect, it } from 'vitest';
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
      expect(response.headers.get('cache-control')).toBe('public, max-age=60');
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
});
