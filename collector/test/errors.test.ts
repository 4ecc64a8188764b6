import { env } from 'cloudflare:workers';
import type { PulseEvent } from '@pulse/sdk/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeFile, normalizeMessage } from '../src/aggregates/errors/fingerprint';
import type { ErrorStats } from '../src/aggregates/errors/schema';
import { newErrorAlerts, runAlerts } from '../src/webhooks/alerts';
import { ADMIN, call, createSite, pageview, readStats, recordingQueue, store } from './helpers';

const HOUR = 3_600_000;
const now = Date.now();
const window = `?from=${new Date(now - 3 * HOUR).toISOString()}&to=${new Date(now + HOUR).toISOString()}`;

/** A JavaScript error in session `session` on `url`. */
const jsError = (message: string, session: string, url = '/cart', file = 'https://shop.test/assets/cart.3f2a1b9c.js') =>
  ({
    ...pageview({ url, session, visitor: `v-${session}`, ts: now - HOUR }),
    type: 'js_error',
    message,
    file,
  }) as PulseEvent;
const errorClick = (message: string, session: string) =>
  ({
    ...pageview({ url: '/cart', session, visitor: `v-${session}`, ts: now - HOUR }),
    type: 'error_click',
    target: '#pay',
    message,
  }) as PulseEvent;

let keys: { readKey: string };
const read = async () => (await readStats<ErrorStats>('errors-site', keys.readKey, 'errors', window)).body;

describe('JavaScript error groups', () => {
  beforeAll(async () => {
    keys = await createSite('errors-site');
    await store('errors-site', [
      // One bug with varying numbers and ids, in 3 sessions on 2 pages, from two builds of the script: one group.
      jsError('Item 123 not found in cart 9f8e7d6c5b4a', 's1'),
      jsError('Item 456 not found in cart 0a1b2c3d4e5f', 's1'),
      jsError('Item 7 not found in cart 1234abcd5678', 's2', '/checkout', 'https://shop.test/assets/cart.77aa88bb.js'),
      jsError('Item 8 not found in cart 99990000aaaa', 's3'),
      errorClick('Item 9 not found in cart 12345678abcd', 's3'),
      // Another, once.
      jsError("Cannot read properties of undefined (reading 'price')", 's4'),
    ]);
  });

  it('groups by normalised message and script, with sessions, pages, clicks and first and last seen', async () => {
    const { groups } = await read();
    expect(groups.map(({ fingerprint: _, firstSeen: __, lastSeen: ___, ...group }) => group)).toEqual([
      {
        message: 'Item 123 not found in cart 9f8e7d6c5b4a',
        file: 'https://shop.test/assets/cart.3f2a1b9c.js',
        events: 4,
        sessions: 3,
        pages: 2,
        afterClick: 1,
      },
      {
        message: "Cannot read properties of undefined (reading 'price')",
        file: 'https://shop.test/assets/cart.3f2a1b9c.js',
        events: 1,
        sessions: 1,
        pages: 1,
        afterClick: 0,
      },
    ]);
    expect(normalizeMessage('Item 123 not found in cart 9f8e7d6c5b4a')).toBe('Item <n> not found in cart <hex>');
    expect(normalizeMessage("Cannot read 'x' of https://a.test/b?c=1")).toBe('Cannot read <value> of <url>');
    expect(normalizeFile('https://shop.test/assets/cart.3f2a1b9c.js')).toBe('https://shop.test/assets/cart.js');
  });

  it('fires error.new once for a group new to the site that reached 3 sessions, never for one in fewer', async () => {
    const alerts = await newErrorAlerts(env.DB, 'errors-site', now);
    expect(alerts.map((alert) => [alert.message, alert.sessions])).toEqual([
      ['Item 123 not found in cart 9f8e7d6c5b4a', 3],
    ]);
    await call('/v1/admin/sites/errors-site/webhooks', {
      method: 'POST',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: 'https://hooks.example.com/errors', events: ['error.new'] }),
    });
    const { sent, queue } = recordingQueue();
    await runAlerts(env.DB, queue, now);
    await runAlerts(env.DB, queue, now + HOUR);
    expect(sent.filter((job) => job.site === 'errors-site').map((job) => job.kind === 'alert' && job.type)).toEqual([
      'error.new',
    ]);
  });

  it('forgets an erased respondent', async () => {
    expect((await call('/v1/sites/errors-site/respondents/v-s1', { method: 'DELETE', headers: ADMIN })).status).toBe(
      200,
    );
    const [group] = (await read()).groups;
    expect(group).toMatchObject({ events: 2, sessions: 2, pages: 2 });
  });
});
