import { env } from 'cloudflare:workers';
import type { PulseEvent } from '@pulse/sdk/protocol';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, call, createSite, npsAnswer, pageview, postBatch, surveyAnswer, testId } from './helpers';

// Property-based checks of every route against generated input: no input a client sends gets a 5xx, every 4xx
// carries a JSON reason, and the good events of a mixed batch are stored exactly once. The write path goes through
// the real Queue, which is why this file is one of its own.

/** Checks an answer: never a 5xx, and a JSON `{ error: { code, message } }` on every 4xx. */
const expectHonest = async (response: Response, what: string) => {
  expect(response.status, what).toBeLessThan(500);
  if (response.status >= 400) {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, what).toBe('string');
    expect(typeof body.error?.message, what).toBe('string');
  } else await response.arrayBuffer();
};

/** Strings a fuzzer would try: random text, numbers, dates near and far, and some hostile classics. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom(
    '9999999999999999',
    '-5',
    'March 7',
    '0',
    '',
    'NaN',
    'Infinity',
    '1e400',
    '2026-02-30',
    '2026-11-01T25:00:00Z',
    '../../etc/passwd',
    '%',
    '%ZZ',
    '\u0000',
    'hour',
    'day',
    'week',
    'desktop',
    'json',
    'csv',
    'ndjson',
    '__proto__',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    'x'.repeat(5000),
  ),
);

const QUERY_NAMES = [
  'from',
  'to',
  'path',
  'survey',
  'device',
  'interval',
  'funnel',
  'cursor',
  'limit',
  'format',
  'q',
  'kind',
  'after',
  'metric',
  'which',
];

const queryString = fc
  .dictionary(fc.oneof(fc.constantFrom(...QUERY_NAMES), fc.string({ maxLength: 10 })), nasty, { maxKeys: 5 })
  .map((query) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) params.append(name, value);
    return params.toString();
  });

interface Operation {
  method: string;
  path: string;
  admin: boolean;
}

let operations: Operation[] = [];
let site: { id: string; writeKey: string; readKey: string };
let routesSite: { id: string; writeKey: string; readKey: string };

beforeAll(async () => {
  site = await createSite('fuzz');
  // The route fuzzing may rotate this site's keys or change it: the write path's site stays apart.
  routesSite = await createSite('fuzz-routes');
  const document = (await (await call('/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
  };
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      admin: Boolean(operation.security?.some((scheme) => 'adminToken' in scheme)),
    })),
  );
  expect(operations.length).toBeGreaterThan(20);
});

/** A path parameter: mostly the route fuzzing's own site or a plausible name, sometimes anything. */
const pathParam = fc.oneof(
  { weight: 3, arbitrary: fc.constant('fuzz-routes') },
  { weight: 2, arbitrary: fc.constantFrom('nps', 'checkout', 'demo', 'no-such-thing') },
  { weight: 2, arbitrary: nasty.filter((value) => value.length > 0).map(encodeURIComponent) },
);

/** A request body: JSON of any shape, JSON that is almost a known body, or not JSON at all. */
const body = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc
    .record(
      {
        id: nasty,
        name: nasty,
        origins: fc.array(nasty, { maxLength: 3 }),
        retentionDays: fc.oneof(fc.integer(), fc.double(), nasty),
        questions: fc.array(fc.jsonValue(), { maxLength: 3 }),
        triggers: fc.array(fc.jsonValue(), { maxLength: 3 }),
        steps: fc.array(fc.jsonValue(), { maxLength: 3 }),
        which: nasty,
        ids: fc.array(nasty, { maxLength: 3 }),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  nasty,
);

describe('every read and admin route, on generated input', () => {
  it('answers no 5xx, and a JSON reason with every 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(pathParam, { minLength: 3, maxLength: 3 }),
        queryString,
        body,
        fc.constantFrom('right', 'none', 'wrong'),
        async (pick, params, query, payload, auth) => {
          const operation = operations[pick % operations.length]!;
          let param = 0;
          const path = operation.path.replace(/\{[^}]+\}/g, () => params[param++]!);
          const key = operation.admin ? ADMIN.Authorization : `Bearer ${routesSite.readKey}`;
          const headers: Record<string, string> = { 'Content-Type': 'application/json' };
          if (auth === 'right') headers.Authorization = key;
          if (auth === 'wrong') headers.Authorization = `${key}x`;
          const init: RequestInit = { method: operation.method, headers };
          if (!['GET', 'HEAD', 'DELETE'].includes(operation.method)) init.body = payload;
          const response = await call(`${path}?${query}`, init);
          await expectHonest(response, `${operation.method} ${path}?${query}`);
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it('refuses absurd and lenient dates on every stats route with a 400 that names the parameter', async () => {
    const stats = operations.filter((operation) => operation.path.includes('/stats/'));
    expect(stats.length).toBeGreaterThan(5);
    for (const operation of stats)
      for (const value of ['9999999999999999', '-5', 'March 7', '2026-13-01', '1e3']) {
        const path = operation.path.replace('{site}', 'fuzz');
        const response = await call(`${path}?from=${encodeURIComponent(value)}`, {
          headers: { Authorization: `Bearer ${site.readKey}` },
        });
        expect(response.status, `${path} from=${value}`).toBe(400);
        expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^from: /);
      }
    // Five calls per stats route, one after the other: more than the default 5 s on a loaded 2-core machine.
  }, 30_000);
});

/** A valid event of a common type, with generated content. */
const validEvent = fc.oneof(
  fc.record({ url: fc.webPath().map((path) => `/${path.replace(/^\/+/, '')}`) }).map(({ url }) => pageview({ url })),
  fc.integer({ min: 0, max: 10 }).map((score) => npsAnswer(score)),
  fc.string({ maxLength: 300 }).map((text) => surveyAnswer('text', text)),
  fc
    .record({ name: fc.string({ minLength: 1, maxLength: 50 }), value: fc.oneof(fc.string(), fc.integer()) })
    .map(({ name, value }) => ({ ...pageview(), type: 'track', name, props: { value } }) as unknown as PulseEvent),
);

/** An event with one field replaced by anything, or taken away. */
const nearValid = fc
  .tuple(
    validEvent,
    fc.constantFrom('id', 'ts', 'url', 'device', 'visitor', 'type', 'value', 'name'),
    fc.option(fc.jsonValue()),
  )
  .map(([event, field, value]) => {
    const mutated: Record<string, unknown> = { ...event };
    if (value === null) delete mutated[field];
    else mutated[field] = value;
    return mutated;
  });

const hostile = fc.oneof(
  fc.jsonValue(),
  fc.constant({ __proto__: { type: 'pageview' } }),
  fc.constant('x'.repeat(2000)),
);

describe('the write path, on generated batches', () => {
  it('stores the good events of a mixed batch exactly once, and says why it rejected each other one', async () => {
    const accepted = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            validEvent.map((event) => ({ kind: 'valid' as const, event: event as unknown })),
            nearValid.map((event) => ({ kind: 'near' as const, event: event as unknown })),
            hostile.map((event) => ({ kind: 'hostile' as const, event })),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        fc.boolean(),
        async (items, resend) => {
          // A fresh id for every valid event of this run: generated values repeat across runs.
          const events = items.map((item) =>
            item.kind === 'valid' ? { ...(item.event as PulseEvent), id: testId() } : item.event,
          );
          const send = () => postBatch({ site: site.writeKey, events });
          const response = await send();
          expect(response.status).toBe(202);
          const result = (await response.json()) as { accepted: number; rejected: { index: number; reason: string }[] };
          const rejected = new Set(result.rejected.map((rejection) => rejection.index));
          for (const rejection of result.rejected) expect(rejection.reason).toMatch(/\S/);
          expect(result.accepted + rejected.size).toBe(events.length);
          items.forEach((item, index) => {
            if (item.kind === 'valid') expect(rejected.has(index), JSON.stringify(events[index])).toBe(false);
            if (item.kind === 'hostile' && (typeof item.event !== 'object' || item.event === null))
              expect(rejected.has(index)).toBe(true);
          });
          events.forEach((event, index) => {
            if (!rejected.has(index)) accepted.add((event as PulseEvent).id);
          });
          if (resend) expect((await send()).status).toBe(202);
        },
      ),
      { numRuns: 60 },
    );
    const stored = async () =>
      (await env.DB.prepare("SELECT COUNT(*) AS n FROM events WHERE site = 'fuzz'").first<{ n: number }>())!.n;
    const deadline = Date.now() + 30_000;
    while ((await stored()) < accepted.size && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await stored()).toBe(accepted.size);
    const ids = await env.DB.prepare("SELECT id FROM events WHERE site = 'fuzz'").all<{ id: string }>();
    expect(new Set(ids.results.map((row) => row.id))).toEqual(accepted);
  }, 90_000);

  it('answers no 5xx for any body at all', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((value) => JSON.stringify(value)),
          fc.jsonValue().map((events) => JSON.stringify({ site: site.writeKey, events })),
          fc.array(hostile, { maxLength: 110 }).map((events) => JSON.stringify({ site: site.writeKey, events })),
          fc
            .record({ site: nasty, events: fc.array(validEvent, { maxLength: 2 }), dropped: fc.jsonValue() })
            .map((value) => JSON.stringify(value)),
          nasty,
        ),
        async (payload) => expectHonest(await postBatch(payload), payload.slice(0, 200)),
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('the stats maths', () => {
  const counts = fc.record({ k: fc.nat(500), extra: fc.nat(500) });

  it('Wilson: inside [0, 1], contains k/n, and narrower with four times the answers', async () => {
    const { wilson } = await import('../src/aggregates/scores/wilson');
    fc.assert(
      fc.property(counts, ({ k, extra }) => {
        const n = k + extra;
        fc.pre(n > 0);
        const [low, high] = wilson(k, n)!;
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(k / n + 1e-12);
        expect(high).toBeGreaterThanOrEqual(k / n - 1e-12);
        const [low4, high4] = wilson(4 * k, 4 * n)!;
        expect(high4 - low4).toBeLessThan(high - low);
      }),
    );
  });

  it('NPS: inside [−100, 100], around the adjusted estimate, and narrower with four times the answers', async () => {
    const { nps } = await import('../src/aggregates/scores/nps');
    fc.assert(
      fc.property(fc.nat(300), fc.nat(300), fc.nat(300), (promoters, passives, detractors) => {
        const n = promoters + passives + detractors;
        fc.pre(n > 0);
        const result = nps({ promoters, passives, detractors });
        const [low, high] = result.ci95!;
        expect(low).toBeGreaterThanOrEqual(-100);
        expect(high).toBeLessThanOrEqual(100);
        const adjusted = (100 * (promoters - detractors)) / (n + 3);
        expect(low).toBeLessThanOrEqual(adjusted + 1e-9);
        expect(high).toBeGreaterThanOrEqual(adjusted - 1e-9);
        expect(result.score).toBeGreaterThanOrEqual(-100);
        expect(result.score).toBeLessThanOrEqual(100);
        const wider = nps({ promoters: 4 * promoters, passives: 4 * passives, detractors: 4 * detractors }).ci95!;
        expect(wider[1] - wider[0]).toBeLessThanOrEqual(high - low + 1e-9);
      }),
    );
  });

  it('CES: the interval contains the mean, inside [1, 7], and narrows with four times the answers', async () => {
    const { ces } = await import('../src/aggregates/scores/ces');
    fc.assert(
      fc.property(fc.array(fc.nat(100), { minLength: 7, maxLength: 7 }), (perScore) => {
        const [s1, s2, s3, s4, s5, s6, s7] = perScore as [number, number, number, number, number, number, number];
        const result = ces({ s1, s2, s3, s4, s5, s6, s7 });
        fc.pre(result.n >= 2 && result.sd! > 0);
        const [low, high] = result.ci95!;
        expect(low).toBeGreaterThanOrEqual(1);
        expect(high).toBeLessThanOrEqual(7);
        expect(low).toBeLessThanOrEqual(result.mean!);
        expect(high).toBeGreaterThanOrEqual(result.mean!);
        const times4 = ces({ s1: 4 * s1, s2: 4 * s2, s3: 4 * s3, s4: 4 * s4, s5: 4 * s5, s6: 4 * s6, s7: 4 * s7 });
        expect(times4.ci95![1] - times4.ci95![0]).toBeLessThanOrEqual(high - low + 1e-9);
      }),
    );
  });
});
