import type { PulseEvent } from '@pulse/sdk/protocol';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/ingest/normalize';
import { isIban, luhn, scrubText, scrubUrl } from '../src/lib/pii';
import { userKey } from '../src/lib/userKey';
import { pageview, surveyAnswer, testId } from './helpers';

describe('scrubText', () => {
  it.each([
    ['mail ana@example.com now', 'mail [email] now'],
    ['ana.lima+tag@sub.example.co.uk', '[email]'],
    ['call +49 30 1234567', 'call [phone]'],
    ['call 0044 20 7946 0958', 'call [phone]'],
    ['(555) 123-4567', '[phone]'],
    ['ring 030 1234567', 'ring [phone]'],
    ['555-123-4567', '[phone]'],
    ['+1-202-555-0173', '[phone]'],
    ['Ciao +39 06 6982 1234!', 'Ciao [phone]!'],
    ['tel:+33612345678', 'tel:[phone]'],
    ['card 4111 1111 1111 1111 ok', 'card [card] ok'],
    ['4111-1111-1111-1111', '[card]'],
    ['amex 3782 822463 10005', 'amex [card]'],
    ['DE89 3704 0044 0532 0130 00', '[iban]'],
    ['pay to GB82WEST12345698765432 please', 'pay to [iban] please'],
  ])('scrubs %j', (text, scrubbed) => {
    expect(scrubText(text)).toBe(scrubbed);
  });

  it.each([
    'order 12345',
    'on 2026-11-02',
    'on 02/11/2026',
    'v1.2.3',
    'costs 1,299.00 EUR',
    'pi 3.14159265',
    'from 9:00 to 17:30',
    'ID 123456789',
    'ticket #4521987',
    'year 2025 and 2026',
    '4111111111111112',
    'uuid 01936c5e-7b8a-7cde-8f01-23456789abcd',
    'The checkout button did nothing @ 3 pm',
  ])('leaves %j alone', (text) => {
    expect(scrubText(text)).toBe(text);
  });

  it.each([
    ['card 4111 1111 1111 1111', 'card [card]'],
    ['card 5500-0000-0000-0004', 'card [card]'],
    ['IBAN DE89-3704-0044-0532-0130-00.', 'IBAN [iban].'],
    ['IBAN fr14 2004 1010 0505 0001 3m02 606', 'IBAN [iban]'],
    ['US 1-800-555-0199', 'US [phone]'],
    ['Paris 01.23.45.67.89', 'Paris [phone]'],
    ['call +49 30 1234567.', 'call [phone].'],
  ])('scrubs %j, with spaces, dashes or dots between its groups', (text, scrubbed) => {
    expect(scrubText(text)).toBe(scrubbed);
  });

  /** Real data that looks a little like PII and must pass untouched. */
  const nearMisses = [
    'server 192.168.100.200',
    'from 10.0.0.1',
    'uuid 123e4567-e89b-12d3-a456-426614174000',
    'uuid 01936c5e-7b8a-7cde-8f01-234567890123',
    'ISBN 978-3-16-148410-0',
    'ISBN 0-306-40615-2',
    'SKU 2023-11-05-001',
    'build 10.0.19045.3570',
    'version 120.0.6099.109',
    'pi 3.14159265358979',
    'e 2.718281828459045',
    'at 1732270000000',
    'at 1732270000',
    'IBAN DE89 3704 0044 0532 0130 01',
    'IBAN GB82WEST12345698765431',
    'order 1234567890123',
    'tracking 1Z999AA10123456784',
    'total 1,234,567.89',
    'ratio 0.123456789',
    'coordinates 48.858370, 2.294481',
    'lat 52.520008 lng 13.404954',
    'range 10-20-30-40',
    'ticket #4521987',
    'ID 123456789',
    'on 2026-11-02 at 10:30',
    'on 02.11.2026',
    'ean 4006381333931',
    'hex 0x7fffffff',
    'sha 3f786850e387550fdab836ed7e6dc881de23001b',
    'time 12:30:45.123',
  ];

  it('leaves 30 near-misses untouched', () => {
    expect(nearMisses).toHaveLength(30);
    for (const text of nearMisses) expect(scrubText(text), text).toBe(text);
  });

  it('checks card numbers with Luhn and IBANs with mod 97', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('4111111111111112')).toBe(false);
    expect(isIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isIban('DE89 3704 0044 0532 0130 01')).toBe(false);
  });
});

describe('scrubUrl', () => {
  it.each([
    ['/users/ana@example.com/orders', '/users/[email]/orders'],
    ['/search?q=ana%40example.com&page=2', '/search?q=%5Bemail%5D&page=2'],
    ['/pay/4111111111111111', '/pay/[card]'],
    ['/c?phone=%2B49%2030%201234567', '/c?phone=%5Bphone%5D'],
    ['/x?iban=DE89370400440532013000', '/x?iban=%5Biban%5D'],
  ])('scrubs %j', (url, scrubbed) => {
    expect(scrubUrl(url)).toBe(scrubbed);
  });

  it.each([
    ['/account/john.doe%40example.com?ref=4111%201111%201111%201111', '/account/[email]?ref=%5Bcard%5D'],
    ['/u/john.doe%2540example.com', '/u/[email]'],
    ['/pay/4111%201111%201111%201111/done', '/pay/[card]/done'],
    ['/pay/4111-1111-1111-1111', '/pay/[card]'],
    ['/iban/DE89%203704%200044%200532%200130%2000', '/iban/[iban]'],
    ['/x?to=DE89-3704-0044-0532-0130-00', '/x?to=%5Biban%5D'],
    ['/x?q=call+%2B49+30+1234567', '/x?q=call%20%5Bphone%5D'],
    ['/profile#email=ana%40example.com', '/profile#email=[email]'],
    ['/#/users/ana@example.com?tab=1', '/#/users/[email]?tab=1'],
    ['https://shop.example/a/ana%40example.com', 'https://shop.example/a/[email]'],
  ])('decodes before it scrubs: %j', (url, scrubbed) => {
    expect(scrubUrl(url)).toBe(scrubbed);
  });

  it('leaves real data in URLs as it was encoded', () => {
    for (const url of [
      '/servers/192.168.100.200/logs',
      '/items/123e4567-e89b-12d3-a456-426614174000',
      '/books/978-3-16-148410-0',
      '/search?q=caf%C3%A9&sort=price+asc',
      '/r?ts=1732270000000&v=10.0.19045.3570',
      '/a%2Fb/c',
    ])
      expect(scrubUrl(url)).toBe(url);
  });

  it('keeps ids in paths, which are not phone numbers', () => {
    expect(scrubUrl('/orders/0301234567')).toBe('/orders/0301234567');
    expect(scrubUrl('/x?a=1&b')).toBe('/x?a=1&b');
  });
});

describe('userKey', () => {
  it('keeps a plain user id and pseudonymises one that holds PII, the same way whatever its case', async () => {
    expect(await userKey('user-42')).toBe('user-42');
    const key = await userKey('Ana@Example.com');
    expect(key).toMatch(/^~[0-9a-f]{32}$/);
    expect(await userKey(' ana@example.com ')).toBe(key);
    expect(await userKey('+49 30 1234567')).not.toBe(key);
  });
});

describe('normalize', () => {
  const received = Date.now();

  it('scrubs every free-text field of every event type, and the URLs', async () => {
    const events = [
      surveyAnswer('text', 'I am ana@example.com, call +49 30 1234567', { url: '/help?email=ana%40example.com' }),
      surveyAnswer('multi', ['pay with 4111 1111 1111 1111', 'other']),
      {
        ...pageview(),
        type: 'track',
        name: 'signup',
        props: { email: 'ana@example.com', plan: 'pro', seats: 3 },
      },
      { ...pageview(), type: 'identify', user: 'ana@example.com', traits: { phone: '+1-202-555-0173' } },
      {
        ...pageview(),
        type: 'js_error',
        message: 'No account for ana@example.com',
        file: '/app.js?token=4111111111111111',
        stack: ['at send (ana@example.com)'],
      },
      { ...pageview(), type: 'rage_click', target: '#user-ana@example.com', label: 'Mail ana@example.com', count: 4 },
      { ...pageview(), type: 'form_abandon', form: 'form#signup', fields: 3, last: 'ana@example.com', duration: 9 },
      { ...pageview(), type: 'pageview', referrer: 'https://mail.example/inbox?to=ana@example.com' },
      { ...pageview(), type: 'quick_back', to: '/account?iban=DE89370400440532013000', duration: 2000 },
    ] as PulseEvent[];
    const stored = await Promise.all(events.map((event) => normalize(event, received)));
    // Only what a visitor or a page wrote: ids and times are digits that may happen to contain `4111`.
    const everything = JSON.stringify(stored.map(({ id: _id, ts: _ts, ...written }) => written));
    for (const secret of ['ana@example.com', 'ana%40example.com', '4111', '1234567', '555-0173', 'DE89'])
      expect(everything).not.toContain(secret);
    expect(stored[0]).toMatchObject({
      text: 'I am [email], call [phone]',
      url: '/help?email=%5Bemail%5D',
      path: '/help',
    });
    expect(JSON.parse(stored[1]!.text!)).toEqual(['pay with [card]', 'other']);
    expect(JSON.parse(stored[2]!.data!)).toEqual({
      name: 'signup',
      props: { email: '[email]', plan: 'pro', seats: 3 },
    });
    expect(stored[3]!.user).toMatch(/^~[0-9a-f]{32}$/);
    expect(stored[5]).toMatchObject({ target: '#[email]', label: 'Mail [email]' });
  });

  it("keeps a survey event's locale, visits and traits as its segments, and an identify's traits as sent", async () => {
    const answer = await normalize(
      { ...surveyAnswer('nps', 9), locale: 'de-at', visits: 1, traits: { plan: 'pro' } } as PulseEvent,
      received,
    );
    expect(JSON.parse(answer.data!)).toEqual({ segments: { locale: 'de-AT', visitor: 'new', 'trait.plan': 'pro' } });
    const identify = await normalize(
      { ...pageview(), type: 'identify', user: 'u-1', traits: { plan: 'pro', seats: 3 } } as PulseEvent,
      received,
    );
    expect(JSON.parse(identify.data!)).toEqual({ traits: { plan: 'pro', seats: 3 } });
  });

  it('normalises ids in the path and replaces an implausible capture time by the receive time', async () => {
    const stored = await normalize(
      pageview({ url: '/orders/12345/items/01936c5e-7b8a-7cde-8f01-23456789abcd?x=1', ts: received - 30 * 86_400_000 }),
      received,
    );
    expect(stored.path).toBe('/orders/:id/items/:id');
    expect(stored.ts).toBe(received);
    const future = await normalize(pageview({ ts: received + 3_600_000 }), received);
    expect(future.ts).toBe(received);
    const fine = await normalize(pageview({ ts: received - 60_000, id: testId() }), received);
    expect(fine.ts).toBe(received - 60_000);
  });
});
