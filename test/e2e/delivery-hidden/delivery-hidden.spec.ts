import { eventually, npsStats } from '../helpers/collector';
import { acceptedEvents, answerNps, closeTab, putLabSurvey, readOutbox, recordBatches } from '../helpers/delivery';
import { expect, test } from '../helpers/site';

test('a page hidden mid-session sends what waits at once, as keepalive requests below 64 KiB', async ({
  context,
  page,
}, testInfo) => {
  const run = `${Date.now()}-${testInfo.project.name}`;
  // Notes how the SDK calls fetch: Playwright does not show whether a request is keepalive.
  await page.addInitScript(() => {
    const calls: { keepalive: boolean; bytes: number }[] = [];
    (window as unknown as { pulseSends: typeof calls }).pulseSends = calls;
    const original = window.fetch;
    window.fetch = (input, init) => {
      if (String(input).endsWith('/v1/events'))
        calls.push({ keepalive: init?.keepalive === true, bytes: new Blob([init?.body as string]).size });
      return original(input, init);
    };
  });
  const batches = recordBatches(context);
  await page.goto(`/lab/delivery-hidden-${run}`);
  // The start-up send takes the page view, and the web vitals known by then (FCP, TTFB) follow once the page is
  // idle. Each capture arms the 5 s send timer if none is set: start from an idle sender, once the timer the page
  // view armed has fired and everything captured so far has been answered. No other vital comes before the page is
  // hidden (LCP waits for input, CLS and INP for the page to hide).
  await page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((entry) => /\/sdk\/vitals-[\w-]+\.js$/.test(entry.name)),
  );
  await page.waitForTimeout(5_500);
  await expect.poll(async () => (await readOutbox(page)).events).toBe(0);
  await expect.poll(() => batches.every((batch) => batch.status === 202)).toBe(true);
  const earlier = batches.length;
  // About 110 kB of events, more than one keepalive request may carry.
  await page.evaluate((run) => {
    const pulse = (window as unknown as { pulse: (...args: unknown[]) => unknown }).pulse;
    const pad = 'x'.repeat(450);
    for (let n = 0; n < 100; n++) pulse('track', 'hidden', { run, n, pad, more: pad });
  }, run);
  await expect.poll(async () => (await readOutbox(page)).events).toBeGreaterThanOrEqual(100);
  // None of the custom events has left yet.
  expect(batches).toHaveLength(earlier);

  // The tab goes to the background: Chromium's headless pages stay visible, so the change is played out.
  const hidden = Date.now();
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(async () => (await readOutbox(page)).events, { timeout: 3_000 }).toBe(0);

  // Sent at once, not by the 5 s timer; split so that each request fits the shared 64 KiB keepalive quota.
  const sent = batches.slice(earlier);
  await expect.poll(() => sent.map((batch) => batch.status)).toEqual(sent.map(() => 202));
  expect(sent.length).toBeGreaterThanOrEqual(2);
  for (const batch of sent) {
    expect(batch.at).toBeGreaterThanOrEqual(hidden);
    expect(batch.at - hidden).toBeLessThan(2_000);
    expect(batch.bytes).toBeLessThanOrEqual(60_000);
  }
  const sends = await page.evaluate(() => (window as unknown as { pulseSends: unknown[] }).pulseSends);
  expect(sends.slice(earlier)).toEqual(sent.map((batch) => ({ keepalive: true, bytes: batch.bytes })));
  const tracks = acceptedEvents(sent).filter((event) => event.type === 'track' && event.props?.run === run);
  expect(tracks.map((event) => event.type === 'track' && event.props?.n)).toEqual(
    Array.from({ length: 100 }, (_, n) => n),
  );
});

test('a tab closed right after an answer still delivers it, from pagehide', async ({ context, isMobile }, testInfo) => {
  const run = `${Date.now()}-${testInfo.project.name}`;
  const survey = `closed-${run}`;
  const path = `/lab/delivery-closed-${run}`;
  await putLabSurvey(survey, path);
  const batches = recordBatches(context);
  const page = await context.newPage();
  await page.goto(path);
  // The start-up send, and any send a capture before the answer timed, must be over first: on a busy machine the
  // start-up send could otherwise still be reading the outbox when the answer lands in it.
  await expect.poll(() => batches.some((batch) => batch.status === 202)).toBe(true);
  await expect.poll(async () => (await readOutbox(page)).events).toBe(0);
  await answerNps(page, 0, isMobile);
  // Nothing sent before the tab closes carries the answer, and no page of the site is open afterwards:
  // only the request sent during pagehide can bring it.
  const beforeClose = batches.flatMap((batch) => batch.body.events);
  await closeTab(page);
  expect(beforeClose.filter((event) => event.type === 'survey_answer')).toEqual([]);
  const stats = await eventually(
    () => npsStats({ survey }),
    (value) => value.n > 0,
  );
  expect(stats).toEqual({ n: 1, promoters: 0, passives: 0, detractors: 1 });
});
