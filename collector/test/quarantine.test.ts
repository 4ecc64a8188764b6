import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUARANTINE_AFTER_ATTEMPTS } from '../src/ingest/consume';
import { ADMIN, call, createSite, deliver, delivery, npsAnswer, readStats, storedCount } from './helpers';

const WINDOW = `?from=2000-01-01&to=${new Date(Date.now() + 86_400_000).toISOString()}`;

/** A visitor whose every insert fails, as a row that breaks a constraint or a trigger would. */
const POISON = 'v-poison';

const listQuarantine = async (site: string) =>
  (await (await call(`/v1/admin/sites/${site}/quarantine`, { headers: ADMIN })).json()) as {
    events: { id: string; reason: string; attempts: number; event: { visitor: string } }[];
    next: string | null;
  };

const replay = async (site: string, ids?: string[]) =>
  (await (
    await call(`/v1/admin/sites/${site}/quarantine/replay`, {
      method: 'POST',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify(ids ? { ids } : {}),
    })
  ).json()) as { replayed: string[]; failed: { id: string; reason: string }[] };

const poisonOn = () =>
  env.DB.prepare(
    `CREATE TRIGGER IF NOT EXISTS test_poison BEFORE INSERT ON events WHEN NEW.visitor = '${POISON}' ` +
      "BEGIN SELECT RAISE(ABORT, 'poisoned row'); END",
  ).run();
const poisonOff = () => env.DB.prepare('DROP TRIGGER IF EXISTS test_poison').run();

describe('a poison event in a delivery', () => {
  beforeAll(poisonOn);

  it('stores the 19 good events at once, retries the poison one, then quarantines it with its reason', async () => {
    const site = await createSite('poison');
    const good = Array.from({ length: 19 }, (_, i) => npsAnswer(i % 11));
    const poison = npsAnswer(3, { visitor: POISON });
    const message = await delivery('poison', [...good.slice(0, 10), poison, ...good.slice(10)]);

    const first = await deliver([message]);
    expect(first.explicitAcks).toEqual([]);
    expect(first.retryMessages).toHaveLength(1);
    expect(await storedCount('poison')).toBe(19);
    expect((await listQuarantine('poison')).events).toEqual([]);

    const last = await deliver([message], { attempts: QUARANTINE_AFTER_ATTEMPTS });
    expect(last.retryMessages).toEqual([]);
    expect(last.explicitAcks).toHaveLength(1);
    expect(await storedCount('poison')).toBe(19);
    const held = await listQuarantine('poison');
    expect(held.events).toHaveLength(1);
    expect(held.events[0]).toMatchObject({ id: poison.id, attempts: QUARANTINE_AFTER_ATTEMPTS });
    expect(held.events[0]!.reason).toContain('poisoned row');
    expect(held.events[0]!.event.visitor).toBe(POISON);

    // A redelivery counts nothing twice.
    await deliver([message], { attempts: QUARANTINE_AFTER_ATTEMPTS + 1 });
    const counts = await readStats<Record<string, number>>('poison', site.readKey, 'ingest', WINDOW);
    expect(counts.body).toMatchObject({ stored: 19, quarantined: 1 });
    expect((await readStats<{ n: number }>('poison', site.readKey, 'nps', WINDOW)).body.n).toBe(19);

    // Still poisoned: the replay keeps it, with the reason.
    const again = await replay('poison');
    expect(again.replayed).toEqual([]);
    expect(again.failed).toEqual([{ id: poison.id, reason: expect.stringContaining('poisoned row') }]);

    // Once the cause is fixed, the replay stores it once and takes it out of quarantine.
    await poisonOff();
    expect(await replay('poison', [poison.id])).toEqual({ replayed: [poison.id], failed: [] });
    expect(await storedCount('poison')).toBe(20);
    expect((await listQuarantine('poison')).events).toEqual([]);
    const after = await readStats<Record<string, number>>('poison', site.readKey, 'ingest', WINDOW);
    expect(after.body).toMatchObject({ stored: 20, quarantined: 0 });
    expect((await readStats<{ n: number }>('poison', site.readKey, 'nps', WINDOW)).body.n).toBe(20);
    await poisonOn();
  });

  it('in a batch of 100 deliveries with duplicates, stores the good ones at once and holds back only the poison', async () => {
    const site = await createSite('poison-100');
    const good = await Promise.all(
      Array.from({ length: 97 }, (_, index) =>
        delivery(
          'poison-100',
          Array.from({ length: 20 }, (_, answer) => npsAnswer((index + answer) % 11, { visitor: `v-${index}` })),
        ),
      ),
    );
    const poison = npsAnswer(0, { visitor: POISON });
    const poisoned = await delivery('poison-100', [poison, npsAnswer(10, { visitor: 'v-beside' })]);
    // A delivery sent twice, and another that repeats three events of a third: each event is stored once.
    const repeat = { ...good[7]!, id: crypto.randomUUID(), events: good[7]!.events.slice(0, 3) };
    const batch = [...good.slice(0, 50), poisoned, good[5]!, repeat, ...good.slice(50)];
    expect(batch).toHaveLength(100);

    const first = await deliver(batch);
    expect(first.explicitAcks).toHaveLength(99);
    expect(first.retryMessages).toHaveLength(1);
    expect(await storedCount('poison-100')).toBe(97 * 20 + 1);

    const last = await deliver([poisoned], { attempts: QUARANTINE_AFTER_ATTEMPTS });
    expect(last.explicitAcks).toHaveLength(1);
    expect(await storedCount('poison-100')).toBe(97 * 20 + 1);
    expect((await listQuarantine('poison-100')).events.map((event) => event.id)).toEqual([poison.id]);
    expect((await readStats<{ n: number }>('poison-100', site.readKey, 'nps', WINDOW)).body.n).toBe(97 * 20 + 1);
  });

  it('quarantines every event of a dead-lettered delivery that still cannot be stored, and stores the rest', async () => {
    await createSite('dead-letter');
    const good = npsAnswer(9);
    const poison = npsAnswer(2, { visitor: POISON });
    const result = await deliver([await delivery('dead-letter', [good, poison])], {
      attempts: 11,
      queue: 'pulse-events-dlq',
    });
    expect(result.explicitAcks).toHaveLength(1);
    expect(await storedCount('dead-letter')).toBe(1);
    const held = await listQuarantine('dead-letter');
    expect(held.events.map((event) => event.id)).toEqual([poison.id]);
    expect(held.events[0]!.reason).toMatch(/^dead-lettered after 11 attempts: .*poisoned row/);
  });

  it('retries, and quarantines nothing, while D1 cannot store anything', async () => {
    await createSite('outage');
    const message = await delivery('outage', [npsAnswer(9, { visitor: POISON })]);
    await env.DB.prepare('ALTER TABLE quarantine RENAME TO quarantine_away').run();
    try {
      const result = await deliver([message], { attempts: QUARANTINE_AFTER_ATTEMPTS });
      expect(result.retryMessages).toHaveLength(1);
      expect(result.explicitAcks).toEqual([]);
    } finally {
      await env.DB.prepare('ALTER TABLE quarantine_away RENAME TO quarantine').run();
    }
  });

  it('erases a respondent from quarantine too', async () => {
    await createSite('poison-erasure');
    const poison = npsAnswer(1, { visitor: POISON });
    await deliver([await delivery('poison-erasure', [poison])], { attempts: QUARANTINE_AFTER_ATTEMPTS });
    expect((await listQuarantine('poison-erasure')).events).toHaveLength(1);
    const erased = await call(`/v1/sites/poison-erasure/respondents/${POISON}`, { method: 'DELETE', headers: ADMIN });
    expect(erased.status).toBe(200);
    expect((await listQuarantine('poison-erasure')).events).toEqual([]);
  });
});
