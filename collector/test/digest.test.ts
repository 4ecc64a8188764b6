import { env } from 'cloudflare:workers';
import type { PulseEvent } from '@pulse/sdk/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAlerts } from '../src/webhooks/alerts';
import type { WeeklyDigest } from '../src/webhooks/digest';
import type { WebhookJob } from '../src/webhooks/jobs';
import { ADMIN, call, createSite, npsAnswer, pageview, recordingQueue, store, surveyAnswer } from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 30 November 2026, 08:17 UTC: an hourly run of the cron on a Monday. */
const monday = Date.UTC(2026, 10, 30, 8, 17);
/** Midday `days` days before that Monday. */
const daysBefore = (days: number) => Date.UTC(2026, 10, 30, 12) - days * DAY;

const digests = async (at: number) => {
  const { sent, queue } = recordingQueue();
  await runAlerts(env.DB, queue, at);
  return sent.filter((job) => job.site === 'digest-site' && job.kind === 'alert' && job.type === 'digest.weekly');
};

describe('digest.weekly', () => {
  beforeAll(async () => {
    await createSite('digest-site');
    await call('/v1/admin/sites/digest-site/webhooks', {
      method: 'POST',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: 'https://hooks.example.com/digest', events: ['digest.weekly'] }),
    });
    const on = (days: number, events: PulseEvent[]) =>
      store(
        'digest-site',
        events.map((event) => ({ ...event, ts: daysBefore(days) })),
        daysBefore(days),
      );
    // The week before the one before: NPS +30 (5 promoters, 3 passives, 2 detractors).
    await on(10, [...[10, 10, 10, 9, 9, 8, 7, 7, 2, 3].map((score) => npsAnswer(score))]);
    // The week: NPS +40 (6 promoters, 2 passives, 2 detractors), one detractor with a follow-up among three texts.
    await on(3, [
      ...[10, 10, 10, 9, 9, 9, 8, 7, 2].map((score) => npsAnswer(score)),
      npsAnswer(3, { response: 'r-digest-detractor' }),
      surveyAnswer('text', 'Checkout broke twice', { response: 'r-digest-detractor', question: 'score.followup' }),
    ]);
    await on(2, [surveyAnswer('text', 'Lovely shop')]);
    await on(1.5, [surveyAnswer('text', 'Fast delivery')]);
    await on(4, [surveyAnswer('text', 'Nice')]);
    await on(2, [
      ...Array.from({ length: 25 }, () => pageview({ url: '/checkout' })),
      ...Array.from(
        { length: 5 },
        () => ({ ...pageview({ url: '/checkout' }), type: 'rage_click', target: '#pay', count: 3 }) as PulseEvent,
      ),
      ...Array.from({ length: 30 }, () => pageview({ url: '/about' })),
      ...Array.from(
        { length: 2 },
        (_, index) =>
          ({
            ...pageview({ url: '/checkout', session: `s-err-${index}` }),
            type: 'js_error',
            message: 'Payment 42 failed',
          }) as PulseEvent,
      ),
    ]);
  });

  it('sends the week before on Monday, once: scores with their change, friction, errors and verbatims, detractors first', async () => {
    const [job, ...more] = await digests(monday);
    expect(more).toEqual([]);
    const digest = (job as Extract<WebhookJob, { kind: 'alert' }>).data as WeeklyDigest;
    expect(digest.week).toEqual({ from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' });
    expect(digest.scores.nps).toMatchObject({ n: 10, score: 40, previous: { n: 10, score: 30 }, change: 10 });
    expect(digest.scores.nps.ci95).toHaveLength(2);
    expect(digest.scores.csat).toMatchObject({ n: 0, score: null, change: null });
    expect(digest.pages[0]).toMatchObject({ path: '/checkout', pageviews: 25 });
    expect(digest.elements[0]).toMatchObject({ path: '/checkout', target: '#pay', rage_click: 5 });
    expect(digest.errors).toEqual([{ message: 'Payment 42 failed', file: null, events: 2, sessions: 2 }]);
    expect(digest.verbatims.map((verbatim) => [verbatim.text, verbatim.detractor])).toEqual([
      ['Checkout broke twice', true],
      ['Fast delivery', false],
      ['Lovely shop', false],
    ]);
    // Once a week: the next run that Monday, and the Tuesday, send nothing.
    expect(await digests(monday + HOUR)).toEqual([]);
    expect(await digests(monday + DAY)).toEqual([]);
  });
});
