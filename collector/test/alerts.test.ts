import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { PulseEvent } from '@pulse/sdk/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nps } from '../src/aggregates/scores/nps';
import { groupBy } from '../src/lib/groupBy';
import { type FrictionAlert, poissonUpperTail, runAlerts, SCORE_ALERT, type ScoreAlert } from '../src/webhooks/alerts';
import { consumeWebhooks } from '../src/webhooks/consume';
import type { WebhookJob } from '../src/webhooks/jobs';
import { ADMIN, call, createSite, npsAnswer, pageview, recordingQueue, store } from './helpers';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 30, 12, 0);

/**
 * A site with a score.alert endpoint and NPS answers: `baseline` scores spread over the 28 days before the last 7,
 * `recent` ones over the last 7, each received when it was given.
 */
const siteWith = async (id: string, baseline: number[], recent: number[]) => {
  await createSite(id);
  const created = await call(`/v1/admin/sites/${id}/webhooks`, {
    method: 'POST',
    headers: { ...ADMIN, 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: 'https://hooks.example.com/alerts', events: ['score.alert'] }),
  });
  expect(created.status).toBe(201);
  const spread = (scores: number[], fromDaysAgo: number, days: number) =>
    scores.map((score, index) =>
      npsAnswer(score, { survey: 'nps', ts: now - (fromDaysAgo - (days * (index + 0.5)) / scores.length) * DAY }),
    );
  for (const answer of [...spread(baseline, 35, 28), ...spread(recent, 7, 7)]) await store(id, [answer], answer.ts);
};

const times = (count: number, score: number) => Array<number>(count).fill(score);
// NPS +40 over the 28 days before: 60 promoters, 20 passives, 20 detractors.
const BASELINE = [...times(60, 10), ...times(20, 8), ...times(20, 2)];

afterEach(() => vi.unstubAllGlobals());

describe('score.alert', () => {
  it('fires when the last 7 days’ interval lies wholly below the 28 days before, once per cool-down, and reaches the endpoint', async () => {
    // NPS −40 over the last 7 days: 12 promoters, 12 passives, 36 detractors.
    await siteWith('alert-drop', BASELINE, [...times(12, 9), ...times(12, 7), ...times(36, 0)]);
    const { sent, queue, env: testEnv } = recordingQueue();
    const fired = async (at: number) => {
      await runAlerts(env.DB, queue, at);
      return sent.splice(0).filter((one) => one.site === 'alert-drop') as Extract<WebhookJob, { kind: 'alert' }>[];
    };
    const [job, ...more] = await fired(now);
    expect(more).toEqual([]);
    const recent = nps({ promoters: 12, passives: 12, detractors: 36 });
    expect(job!.data).toMatchObject({
      survey: 'nps',
      metric: 'nps',
      recent: { n: 60, score: -40, ci95: recent.ci95 },
      baseline: { n: 100, score: 40 },
    });
    expect(recent.ci95![1]).toBeLessThan(40);
    expect((job!.data as ScoreAlert).test).toMatch(/lies wholly below the previous 28 days' score \(40\.0\)/);

    // A day later the drop is still there, but within its cool-down nothing fires; once that has run out, it does.
    expect(await fired(now + DAY)).toEqual([]);
    await env.DB.prepare("UPDATE webhook_alerts SET fired_at = ? WHERE site = 'alert-drop'")
      .bind(now + DAY - SCORE_ALERT.cooldownDays * DAY)
      .run();
    expect(await fired(now + DAY)).toHaveLength(1);

    // The fan-out: one signed message to the endpoint.
    const batch = createMessageBatch<WebhookJob>('pulse-webhooks', [
      { id: 'a-1', timestamp: new Date(), attempts: 1, body: job! },
    ]);
    await consumeWebhooks(batch, testEnv);
    await getQueueResult(batch, createExecutionContext());
    expect(sent).toHaveLength(1);
    const bodies: string[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      bodies.push(String(init.body));
      return new Response('ok');
    });
    const deliver = createMessageBatch<WebhookJob>('pulse-webhooks', [
      { id: 'a-2', timestamp: new Date(), attempts: 1, body: sent[0]! },
    ]);
    await consumeWebhooks(deliver, testEnv);
    expect(JSON.parse(bodies[0]!)).toMatchObject({ type: 'score.alert', data: { survey: 'nps', metric: 'nps' } });
  });

  it('is not lost when the Queue refuses it: its claim is taken back, and the next run sends it', async () => {
    await siteWith('alert-refused', BASELINE, [...times(12, 9), ...times(12, 7), ...times(36, 0)]);
    const refusing = {
      sendBatch: async () => {
        throw new Error('Queue send failed');
      },
    } as unknown as Queue<WebhookJob>;
    const { sent, queue } = recordingQueue();
    const fired = () => sent.splice(0).filter((one) => one.site === 'alert-refused');
    // Never fired before: the refused claim leaves no record.
    await expect(runAlerts(env.DB, refusing, now)).rejects.toThrow('Queue send failed');
    await runAlerts(env.DB, queue, now);
    expect(fired()).toHaveLength(1);
    // Fired before, its cool-down over: the refused claim goes back to the time it fired then.
    const longAgo = now - SCORE_ALERT.cooldownDays * DAY;
    await env.DB.prepare("UPDATE webhook_alerts SET fired_at = ? WHERE site = 'alert-refused'").bind(longAgo).run();
    await expect(runAlerts(env.DB, refusing, now)).rejects.toThrow('Queue send failed');
    const kept = await env.DB.prepare("SELECT fired_at FROM webhook_alerts WHERE site = 'alert-refused'").first();
    expect(kept).toEqual({ fired_at: longAgo });
    await runAlerts(env.DB, queue, now);
    expect(fired()).toHaveLength(1);
  });

  it('stays quiet on eleven low answers, and on a dip the interval cannot tell from chance', async () => {
    await siteWith('alert-eleven', BASELINE, times(11, 0));
    // NPS +30 over 40 answers against +40: an interval of about ±25 points.
    await siteWith('alert-dip', BASELINE, [...times(20, 10), ...times(12, 8), ...times(8, 3)]);
    const { queue, sent } = recordingQueue();
    await runAlerts(env.DB, queue, now);
    expect(sent.filter((job) => job.site === 'alert-eleven' || job.site === 'alert-dip')).toEqual([]);

    // A site that accepts 10 answers as enough gets the alert the default minimum of 30 held back.
    const patched = await call('/v1/admin/sites/alert-eleven', {
      method: 'PATCH',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ alerts: { score: { minAnswers: 10 } } }),
    });
    expect(await patched.json()).toMatchObject({ alerts: { score: { minAnswers: 10 } } });
    await runAlerts(env.DB, queue, now);
    expect(sent.filter((job) => job.site === 'alert-eleven')).toHaveLength(1);
  });
});

describe('friction.alert', () => {
  /** Page views and rage clicks on a page, spread over `days` days ending `endDaysAgo` days before now. */
  const traffic = (path: string, pageviews: number, rageClicks: number, endDaysAgo: number, days: number) => {
    const at = (index: number, count: number) => now - (endDaysAgo + days - (days * (index + 0.5)) / count) * DAY;
    return [
      ...Array.from({ length: pageviews }, (_, index) => pageview({ url: path, ts: at(index, pageviews) })),
      ...Array.from({ length: rageClicks }, (_, index) => ({
        ...pageview({ url: path, ts: at(index, rageClicks) }),
        type: 'rage_click' as const,
        target: '#pay',
        count: 4,
      })),
    ] as PulseEvent[];
  };

  /** Stores events a day at a time, each delivery received at the end of its day. */
  const storeDays = async (site: string, events: PulseEvent[]) => {
    const byDay = groupBy(events, (event) => Math.floor(event.ts / DAY));
    for (const [, day] of byDay)
      for (let from = 0; from < day.length; from += 100) {
        const chunk = day.slice(from, from + 100);
        await store(site, chunk, Math.max(...chunk.map((event) => event.ts)));
      }
  };

  it('fires on a page whose rage clicks run beyond chance above its own 14 days, and not on a rise chance explains', async () => {
    await createSite('alert-friction');
    await call('/v1/admin/sites/alert-friction/webhooks', {
      method: 'POST',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: 'https://hooks.example.com/friction', events: ['friction.alert'] }),
    });
    // A 1 % rate over the 14 days before, on three pages; then in the last day, 200 page views each with 15 rage
    // clicks (2.1 expected: p ≈ 10⁻⁸), 6 (p ≈ 0.02, chance) and 4 (under the 5 events an alert needs).
    await storeDays('alert-friction', [
      ...['/checkout', '/about', '/cart'].flatMap((path) => traffic(path, 1_000, 10, 1, 14)),
      ...traffic('/checkout', 200, 15, 0, 1),
      ...traffic('/about', 200, 6, 0, 1),
      ...traffic('/cart', 200, 4, 0, 1),
    ]);
    const { queue, sent } = recordingQueue();
    await runAlerts(env.DB, queue, now);
    const alerts = sent
      .filter((job) => job.site === 'alert-friction')
      .map((job) => (job as Extract<WebhookJob, { kind: 'alert' }>).data as FrictionAlert);
    expect(alerts.map((alert) => [alert.path, alert.signal, alert.window])).toEqual([
      ['/checkout', 'rage_click', 'day'],
    ]);
    expect(alerts[0]).toMatchObject({
      recent: { pageviews: 200, events: 15 },
      baseline: { pageviews: 1_000, events: 10 },
    });
    expect(alerts[0]!.pValue).toBeCloseTo(poissonUpperTail(15, (10.5 / 1_000) * 200), 12);
    expect(alerts[0]!.pValue).toBeLessThan(1e-6);
    // A day's cool-down per page and signal.
    sent.splice(0);
    await runAlerts(env.DB, queue, now + 3_600_000);
    expect(sent.filter((job) => job.site === 'alert-friction')).toEqual([]);
  });

  it('computes the Poisson tail exactly', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(poissonUpperTail(6, 2.1)).toBeCloseTo(0.020449, 5);
    expect(poissonUpperTail(3, 0)).toBe(0);
  });
});
