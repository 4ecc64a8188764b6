import { eventually, npsStats } from '../helpers/collector';
import { acceptedEvents, answerNps, pulse, putLabSurvey, readOutbox, recordBatches } from '../helpers/delivery';
import { expect, test } from '../helpers/site';

test(
  'the collector answers 503 for a while: retries space out exponentially, then everything lands once',
  { tag: '@alone' },
  async ({ context, page, isMobile }, testInfo) => {
    const run = `${Date.now()}-${testInfo.project.name}`;
    const survey = `retry-${run}`;
    const path = `/lab/delivery-retry-${run}`;
    await putLabSurvey(survey, path);
    // Pins the jitter at a quarter of each ceiling, so that the spacing shows the doubling (full jitter is unit-tested).
    await page.addInitScript(() => {
      Math.random = () => 0.25;
    });
    const batches = recordBatches(context);
    const failures: number[] = [];
    let down = true;
    await page.route('**/v1/events', async (route) => {
      if (!down) return route.continue();
      failures.push(Date.now());
      await route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable"}}' });
    });

    await page.goto(path);
    await answerNps(page, 9, isMobile);
    for (let n = 0; n < 3; n++) await pulse(page, 'track', 'retry', { run, n });
    await expect(page.getByRole('dialog')).toBeHidden({ timeout: 10_000 });
    // Coming back online resets the backoff and sends at once: the spacing measured below starts there.
    await context.setOffline(true);
    const since = Date.now();
    await context.setOffline(false);
    await expect.poll(() => failures.filter((time) => time > since).length, { timeout: 20_000 }).toBe(5);
    down = false;

    const stats = await eventually(
      () => npsStats({ survey }),
      (value) => value.n > 0,
      30_000,
    );
    expect(stats).toEqual({ n: 1, promoters: 1, passives: 0, detractors: 0 });
    await expect.poll(async () => (await readOutbox(page)).events).toBe(0);

    // Each wait is a quarter of its ceiling, 1 s doubling with each failure: 0.25, 0.5, 1, 2 and 4 s, plus the time
    // an attempt takes (a lock, an IndexedDB read, the request), which a busy machine can stretch.
    const attempts = [...failures.filter((time) => time > since), batches.find((batch) => batch.status === 202)!.at];
    const gaps = attempts.slice(1).map((time, index) => time - attempts[index]!);
    expect(gaps).toHaveLength(5);
    gaps.forEach((gap, index) => {
      expect(gap).toBeGreaterThanOrEqual(250 * 2 ** index - 20);
      expect(gap).toBeLessThan(250 * 2 ** index + 400);
    });

    const accepted = acceptedEvents(batches);
    const tracks = accepted.filter((event) => event.type === 'track' && event.props?.run === run);
    expect(tracks.map((event) => event.type === 'track' && event.props?.n)).toEqual([0, 1, 2]);
    // Nothing was stored during the outage, and nothing was sent twice after it.
    expect(new Set(accepted.map((event) => event.id)).size).toBe(accepted.length);
    expect(accepted.filter((event) => event.type === 'survey_answer')).toHaveLength(1);
  },
);
