import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createSite, deliver, delivery, npsAnswer, postBatch, readStats } from './helpers';

/** Waits until `count()` reaches `expected`, for the Queue consumer to catch up. */
const eventually = async (count: () => Promise<number>, expected: number, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  let last = await count();
  while (last < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await count();
  }
  return last;
};

const storedCount = async (site: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM events WHERE site = ?').bind(site).first<{ n: number }>())!.n;

describe('write path → Queue → D1', () => {
  it('stores each event once however often its batch is posted or delivered', async () => {
    const site = await createSite('queue-once');
    const events = [npsAnswer(9), npsAnswer(10), npsAnswer(6)];
    const batch = { site: site.writeKey, events };
    for (let attempt = 0; attempt < 3; attempt++) expect((await postBatch(batch)).status).toBe(202);
    expect(await eventually(() => storedCount('queue-once'), 3)).toBe(3);

    // The Queue redelivers at least once: the consumer sees the same events again.
    const redelivery = await delivery('queue-once', events);
    const result = await deliver([redelivery, redelivery]);
    expect(result.explicitAcks.length + (result.ackAll ? 2 : 0)).toBeGreaterThan(0);
    expect(await storedCount('queue-once')).toBe(3);

    const stats = await readStats<{ n: number; promoters: number; detractors: number }>(
      'queue-once',
      site.readKey,
      'nps',
    );
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ n: 3, promoters: 2, passives: 0, detractors: 1 });
  });
});
