import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, call, createSite } from './helpers';

const SITE = 'survey-admin';

const nps = {
  id: 'nps',
  questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }],
  triggers: [{ on: 'pageview' }],
};

/** A definition using every question type, trigger, targeting rule, throttle and display option. */
const everything = {
  id: 'everything',
  name: 'Every feature',
  questions: [
    {
      id: 'score',
      type: 'nps',
      text: { en: 'How likely…?', de: 'Wie wahrscheinlich…?' },
      followUp: [
        { max: 6, text: 'What should we fix?' },
        { min: 7, text: 'What do you like?' },
      ],
      branch: [
        { max: 6, goto: 'effort' },
        { min: 9, goto: 'end' },
      ],
    },
    { id: 'happy', type: 'csat', text: 'How satisfied are you?', style: 'stars' },
    { id: 'effort', type: 'ces', text: 'It was easy to…' },
    { id: 'stars', type: 'rating', text: 'Rate the search', scale: 5 },
    {
      id: 'plan',
      type: 'single',
      text: 'Your plan?',
      options: ['Free', { en: 'Pro', de: 'Profi' }],
      branch: [{ goto: 'end' }],
    },
    { id: 'uses', type: 'multi', text: 'What do you use?', options: ['Search', 'Export', 'API'] },
    { id: 'more', type: 'text', text: 'Anything else?', placeholder: 'Optional' },
  ],
  triggers: [
    { on: 'pageview' },
    { on: 'delay', seconds: 5 },
    { on: 'scroll', percent: 50 },
    { on: 'exit_intent' },
    { on: 'event', name: 'checkout_failed' },
    { on: 'click', selector: '#help' },
    { on: 'visit', count: 3 },
    { on: 'friction', signals: ['rage_click', 'form_abandon'] },
    { on: 'manual' },
  ],
  url: [
    { match: 'glob', value: '/shop/*/checkout' },
    { match: 'prefix', value: '/account' },
  ],
  targeting: { traits: { plan: 'pro' }, devices: ['mobile'], locales: ['de', 'pt-BR'], visitor: 'returning' },
  throttle: { repeat: { days: 90 }, dismissCooldownDays: 7 },
  sample: 0.25,
  display: { mode: 'tab', label: { en: 'Feedback', de: 'Feedback' } },
  thanks: 'Thanks!',
};

const admin = (method: string, path: string, body?: unknown, headers: Record<string, string> = ADMIN) =>
  call(`/v1/admin/sites/${SITE}/surveys${path}`, {
    method,
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** PUTs a definition that must be refused, and returns the error message. */
const refusal = async (body: Record<string, unknown>) => {
  const response = await admin('PUT', `/${body.id}`, body);
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  expect(response.status).toBe(400);
  expect(error.code).toBe('invalid_request');
  return error.message;
};

beforeAll(async () => {
  await createSite(SITE);
});

describe('survey admin routes', () => {
  it('answers warnings: the global cool-down and the one prompt per page view it shares with the other surveys', async () => {
    const site = 'survey-warnings';
    await createSite(site);
    const put = async (survey: object) => {
      const response = await call(`/v1/admin/sites/${site}/surveys/${(survey as { id: string }).id}`, {
        method: 'PUT',
        headers: { ...ADMIN, 'Content-Type': 'application/json' },
        body: JSON.stringify(survey),
      });
      expect(response.status).toBeLessThan(300);
      return ((await response.json()) as { warnings: string[] }).warnings;
    };
    expect(await put(nps)).toEqual([]);
    const help = {
      id: 'help',
      questions: [{ id: 'q', type: 'csat', text: 'How did we do?' }],
      triggers: [{ on: 'click', selector: '#help' }],
    };
    expect(await put(help)).toEqual([
      "The site's global cool-down is 14 days (thresholds.globalCooldownDays): a visitor shown another survey (nps) " +
        'will not see this one until then.',
      'At most one automatic prompt shows per page view: on pages where nps is also due, only the first due survey shows.',
    ]);
    expect(await put({ ...help, id: 'manual', triggers: [{ on: 'manual' }] })).toEqual([
      expect.stringContaining("only manual: it shows only when the page calls pulse('show', …)"),
    ]);
    // With no global cool-down and pages of its own, nothing stands in its way but its own rules.
    const patched = await call(`/v1/admin/sites/${site}`, {
      method: 'PATCH',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ thresholds: { globalCooldownDays: 0 } }),
    });
    expect(patched.status).toBe(200);
    expect(await put({ ...help, url: [{ match: 'prefix', value: '/support' }] })).toEqual([
      'At most one automatic prompt shows per page view: on pages where nps is also due, only the first due survey shows.',
    ]);
    expect(await put({ ...help, sample: 0 })).toEqual([
      'sample: 0: no visitor is in its sample, so it never shows by itself.',
      expect.stringContaining('At most one automatic prompt'),
    ]);
  });

  it('warns of triggers that can never fire for the visitors a survey targets', async () => {
    const site = 'survey-never-fires';
    await createSite(site);
    const put = async (changes: object) => {
      const response = await call(`/v1/admin/sites/${site}/surveys/exit`, {
        method: 'PUT',
        headers: { ...ADMIN, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...nps, id: 'exit', ...changes }),
      });
      expect(response.status).toBeLessThan(300);
      return ((await response.json()) as { warnings: string[] }).warnings;
    };
    expect(await put({ triggers: [{ on: 'exit_intent' }], targeting: { devices: ['mobile', 'tablet'] } })).toEqual([
      'triggers: none can fire for the visitors it targets: exit_intent fires only on desktop, and targeting.devices ' +
        'is mobile, tablet.',
    ]);
    expect(
      await put({
        triggers: [{ on: 'exit_intent' }, { on: 'visit', count: 3 }, { on: 'manual' }],
        targeting: { devices: ['mobile'], visitor: 'new' },
      }),
    ).toEqual([
      'triggers: none can fire for the visitors it targets: exit_intent fires only on desktop, and targeting.devices ' +
        'is mobile; visit 3 never comes for a new visitor (targeting.visitor: new), who is on visit 1.',
    ]);
    // One trigger that can fire is enough.
    expect(
      await put({
        triggers: [{ on: 'exit_intent' }, { on: 'visit', count: 1 }],
        targeting: { visitor: 'new', devices: ['mobile'] },
      }),
    ).toEqual([]);
    expect(await put({ triggers: [{ on: 'exit_intent' }], targeting: { devices: ['desktop'] } })).toEqual([]);
  });

  it('creates, lists, replaces and deletes surveys, and the public config follows', async () => {
    const first = await admin('PUT', '/nps', nps);
    expect(first.status).toBe(201);
    // The site's first survey: nothing it shares with another.
    expect(await first.json()).toEqual({ ...nps, warnings: [] });
    const created = await admin('PUT', '/everything', everything);
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ ...everything, warnings: expect.any(Array) });

    const listed = await admin('GET', '');
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({ surveys: [everything, nps] });

    const replaced = await admin('PUT', '/nps', { ...nps, sample: 0.5 });
    expect(replaced.status).toBe(200);
    await replaced.text();

    const deleted = await admin('DELETE', '/everything');
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    const again = await admin('DELETE', '/everything');
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('survey_not_found');

    const config = await call(`/v1/sites/${SITE}/config`);
    expect(((await config.json()) as { surveys: unknown[] }).surveys).toEqual([{ ...nps, sample: 0.5 }]);
  });

  it('answers 404 for an unknown site', async () => {
    for (const [method, path] of [
      ['GET', '/v1/admin/sites/nowhere/surveys'],
      ['DELETE', '/v1/admin/sites/nowhere/surveys/nps'],
    ] as const) {
      const response = await call(path, { method, headers: ADMIN });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('site_not_found');
    }
  });

  it('keeps every survey route shut without the admin token', async () => {
    expect((await admin('GET', '', undefined, {})).status).toBe(401);
    expect((await admin('DELETE', '/nps', undefined, { Authorization: 'Bearer wrong' })).status).toBe(403);
    expect((await admin('PUT', '/nps', nps, { Authorization: 'Bearer wrong' })).status).toBe(403);
  });

  it('refuses invalid definitions with a 400 that names the bad field', async () => {
    expect(await refusal({ ...nps, thottle: { repeat: 'once' } })).toBe('thottle: unknown field');
    // A typo of a required field: the unknown field first, with the field it probably meant.
    const { triggers, ...untriggered } = nps;
    expect(await refusal({ ...untriggered, trigers: triggers })).toBe(
      'trigers: unknown field (did you mean triggers?)',
    );
    expect(await refusal({ ...nps, throttle: { repeats: 'once' } })).toBe('throttle.repeats: unknown field');
    expect(await refusal({ ...nps, triggers: [{ on: 'hover' }] })).toMatch(/^triggers\.0\.on: /);
    expect(await refusal({ ...nps, triggers: [{ on: 'delay' }] })).toMatch(/^triggers\.0\.seconds: /);
    expect(await refusal({ ...nps, triggers: [{ on: 'friction', signals: ['pageview'] }] })).toMatch(
      /^triggers\.0\.signals\.0: /,
    );
    expect(await refusal({ ...nps, triggers: [] })).toMatch(/^triggers: /);
    expect(await refusal({ ...nps, questions: [{ id: 'r', type: 'rating', text: 'Rate', scale: 20 }] })).toMatch(
      /^questions\.0\.scale: /,
    );
    expect(await refusal({ ...nps, questions: [{ id: 'c', type: 'csat', text: 'Hi', style: 'hearts' }] })).toMatch(
      /^questions\.0\.style: /,
    );
    expect(await refusal({ ...nps, questions: [{ id: 'c', type: 'single', text: 'Pick', options: ['one'] }] })).toMatch(
      /^questions\.0\.options: /,
    );
    expect(
      await refusal({ ...nps, questions: [{ ...nps.questions[0], followUp: [{ min: 9, max: 6, text: 'Why?' }] }] }),
    ).toBe('questions.0.followUp.0.min: must not be above max');
    expect(
      await refusal({
        ...nps,
        questions: [
          { id: 'a', type: 'text', text: 'Hi' },
          { id: 'b', type: 'text', text: 'Hi', branch: [{ max: 3, goto: 'end' }] },
        ],
      }),
    ).toBe('questions.1.branch.0.max: a text question has no score to compare');
    expect(
      await refusal({
        ...nps,
        questions: [
          { id: 'a', type: 'text', text: 'Hi' },
          { id: 'b', type: 'nps', text: 'Hi', branch: [{ max: 6, goto: 'a' }] },
        ],
      }),
    ).toBe('questions.1.branch.0.goto: must name a later question (a comes first)');
    expect(await refusal({ ...nps, questions: [nps.questions[0], nps.questions[0]] })).toBe(
      'questions.1.id: duplicate question id score',
    );
    expect(await refusal({ ...nps, display: { mode: 'inline' } })).toBe(
      'display.into: an inline survey needs a selector',
    );
    expect(await refusal({ ...nps, sample: 1.5 })).toMatch(/^sample: /);
    expect(await refusal({ ...nps, targeting: { devices: ['watch'] } })).toMatch(/^targeting\.devices\.0: /);
    expect(await refusal({ ...nps, throttle: { repeat: { days: 0 } } })).toMatch(/^throttle\.repeat/);
    expect(await refusal({ ...nps, id: 'bad id!' })).toMatch(/^id: /);
  });

  it('describes every survey route in the OpenAPI document', async () => {
    const { paths } = (await (await call('/v1/openapi.json')).json()) as { paths: Record<string, object> };
    expect(Object.keys(paths['/v1/admin/sites/{site}/surveys']!)).toEqual(['get']);
    expect(Object.keys(paths['/v1/admin/sites/{site}/surveys/{survey}']!).sort()).toEqual(['delete', 'put']);
  });

  it('refuses a body whose id differs from the path', async () => {
    const response = await admin('PUT', '/other', nps);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'id: must equal the id in the path (other)',
    );
  });
});
