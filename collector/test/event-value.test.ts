import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createSite, deliver, delivery, npsAnswer, pageview, readStats } from './helpers';

describe('migration 0012 (events.score is events.value)', () => {
  it('stores an answer value and a vital value in one value column, which the rollup triggers read', async () => {
    const { readKey } = await createSite('value-column');
    const vital = { ...pageview(), type: 'vital', name: 'LCP', value: 2_345, metric: 'v1-lcp' } as never;
    const answer = npsAnswer(9);
    await deliver([await delivery('value-column', [answer, vital])]);
    const rows = await env.DB.prepare("SELECT type, value FROM events WHERE site = 'value-column' ORDER BY type").all<{
      type: string;
      value: number;
    }>();
    expect(rows.results).toEqual([
      { type: 'survey_answer', value: 9 },
      { type: 'vital', value: 2_345 },
    ]);
    expect((await readStats<{ n: number; promoters: number }>('value-column', readKey, 'nps')).body).toMatchObject({
      n: 1,
      promoters: 1,
    });
  });

  it('stores the value of a message queued before it, which carries it as score', async () => {
    const { readKey } = await createSite('value-legacy');
    const message = await delivery('value-legacy', [npsAnswer(3)]);
    const legacy = {
      ...message,
      events: message.events.map(({ value, ...event }) => ({ ...event, score: value })),
    } as unknown as typeof message;
    await deliver([legacy]);
    const row = await env.DB.prepare("SELECT value FROM events WHERE site = 'value-legacy'").first<{ value: number }>();
    expect(row?.value).toBe(3);
    expect((await readStats<{ detractors: number }>('value-legacy', readKey, 'nps')).body.detractors).toBe(1);
  });
});
