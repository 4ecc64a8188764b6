import type { PulseEvent } from '@pulse/sdk/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormStats } from '../src/aggregates/forms/schema';
import { ADMIN, call, createSite, pageview, readStats, store } from './helpers';

const HOUR = 3_600_000;
const now = Date.now();
const window = `?from=${new Date(now - 3 * HOUR).toISOString()}&to=${new Date(now + HOUR).toISOString()}`;

/** A form event of session `session` on `url`, `minutes` after the window's first events. */
const form = (
  type: 'form_abandon' | 'form_submit',
  session: string,
  fields: { form?: string; url?: string; last?: string; duration?: number; minutes?: number; device?: 'mobile' } = {},
) =>
  ({
    ...pageview({
      url: fields.url ?? '/checkout',
      session,
      visitor: `v-${session}`,
      ts: now - 2 * HOUR + (fields.minutes ?? 0) * 60_000,
      device: fields.device ?? 'desktop',
    }),
    type,
    form: fields.form ?? 'form#checkout',
    fields: 2,
    duration: fields.duration ?? 1000,
    ...(type === 'form_abandon' && fields.last !== undefined ? { last: fields.last } : {}),
  }) as PulseEvent;

let keys: { readKey: string };
const read = async (query = '') =>
  (await readStats<FormStats>('forms-site', keys.readKey, 'forms', window + query)).body;

describe('form stats', () => {
  beforeAll(async () => {
    keys = await createSite('forms-site');
    await store('forms-site', [
      // The checkout form, touched in 6 sessions:
      // s1 and s2 submit it at once; s3 leaves it, comes back and submits it: 3 submitted.
      form('form_submit', 's1'),
      form('form_submit', 's2', { device: 'mobile' }),
      form('form_abandon', 's3', { last: 'email', duration: 4000 }),
      form('form_submit', 's3', { minutes: 5 }),
      // s4, s5 and s6 leave it and never submit: 3 abandoned, last at card (twice) and email; their latest abandon
      // counts (s4 left at email first, then at card after 9 s).
      form('form_abandon', 's4', { last: 'email', duration: 2000 }),
      form('form_abandon', 's4', { last: 'card', duration: 9000, minutes: 3 }),
      form('form_abandon', 's5', { last: 'card', duration: 3000, device: 'mobile' }),
      form('form_abandon', 's6', { last: 'email', duration: 30000 }),
      // The same selector on another page is another form; so is another selector on this page.
      form('form_abandon', 's7', { url: '/account', last: 'name', duration: 5000 }),
      form('form_abandon', 's8', { form: 'form.newsletter' }),
      // An ordinary page view is no form's.
      pageview({ session: 's9', visitor: 'v-s9', ts: now - HOUR }),
    ]);
  });

  it('counts sessions that touched, submitted and abandoned each form, with last fields and the exact median', async () => {
    expect((await read()).forms).toEqual([
      {
        form: 'form#checkout',
        path: '/checkout',
        touched: 6,
        submitted: 3,
        abandoned: 3,
        // 3 of 6 by hand: centre (3 + 1.92)/(6 + 3.8416) = 0.5, half-width 1.96·√(1.5 + 0.9604)/9.8416 = 0.3124.
        abandonmentRate: { value: 50, ci95: [expect.closeTo(18.76, 2), expect.closeTo(81.24, 2)] },
        lowSample: true,
        lastFields: [
          { field: 'card', sessions: 2 },
          { field: 'email', sessions: 1 },
        ],
        // s4's 9 s, s5's 3 s and s6's 30 s.
        medianDuration: 9000,
      },
      {
        form: 'form#checkout',
        path: '/account',
        touched: 1,
        submitted: 0,
        abandoned: 1,
        abandonmentRate: { value: 100, ci95: [expect.closeTo(20.65, 2), 100] },
        lowSample: true,
        lastFields: [{ field: 'name', sessions: 1 }],
        medianDuration: 5000,
      },
      {
        form: 'form.newsletter',
        path: '/checkout',
        touched: 1,
        submitted: 0,
        abandoned: 1,
        abandonmentRate: { value: 100, ci95: [expect.closeTo(20.65, 2), 100] },
        lowSample: true,
        lastFields: [{ field: null, sessions: 1 }],
        medianDuration: 1000,
      },
    ]);
  });

  it('filters by page and device, and averages the two middle times of an even count', async () => {
    expect((await read('&path=/account')).forms.map((row) => row.path)).toEqual(['/account']);
    const mobile = (await read('&device=mobile')).forms;
    expect(mobile).toEqual([
      expect.objectContaining({ form: 'form#checkout', touched: 2, submitted: 1, abandoned: 1, medianDuration: 3000 }),
    ]);
    await store('forms-site', [form('form_abandon', 's10', { last: 'zip', duration: 11000 })]);
    // 3, 9, 11 and 30 s: (9 + 11) / 2.
    expect((await read()).forms[0]).toMatchObject({ touched: 7, abandoned: 4, medianDuration: 10000 });
  });

  it('stores a form event delivered twice once', async () => {
    const again = form('form_abandon', 's11', { last: 'zip', duration: 500 });
    await store('forms-site', [again]);
    await store('forms-site', [again]);
    expect((await read()).forms[0]).toMatchObject({ touched: 8, abandoned: 5 });
  });

  it('forgets an erased respondent', async () => {
    for (const visitor of ['v-s4', 'v-s1'])
      expect(
        (await call(`/v1/sites/forms-site/respondents/${visitor}`, { method: 'DELETE', headers: ADMIN })).status,
      ).toBe(200);
    expect((await read()).forms[0]).toMatchObject({
      touched: 6,
      submitted: 2,
      abandoned: 4,
      lastFields: [
        { field: 'zip', sessions: 2 },
        { field: 'card', sessions: 1 },
        { field: 'email', sessions: 1 },
      ],
    });
  });
});
