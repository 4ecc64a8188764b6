import { eventually, ingestStats, npsStats } from '../helpers/collector';
import { acceptedEvents, answerNps, pulse, putLabSurvey, readOutbox, recordBatches } from '../helpers/delivery';
import { pressRepeatedly, recordSignals, sdkReady } from '../helpers/friction';
import { expect, test } from '../helpers/site';

test('past 1,000 events, the oldest friction events go, survey events stay, and the next batch reports the drops', async ({
  context,
  page,
  isMobile,
}, testInfo) => {
  test.setTimeout(120_000);
  const run = `${Date.now()}-${testInfo.project.name}`;
  const survey = `overflow-${run}`;
  const path = `/lab/delivery-overflow-${run}`;
  await putLabSurvey(survey, path);
  const batches = recordBatches(context);
  const { dropped: droppedBefore } = await ingestStats();
  // The collector is unreachable while the outbox fills up.
  await page.route('**/v1/events', (route) => route.abort('internetdisconnected'));
  // Web vitals are captured at moments of their own (LCP after the first input, for one): without them, the count
  // of what this page captured is exact.
  await page.route('**/sdk/vitals-*.js', (route) => route.abort());

  await page.goto(path);
  await sdkReady(page);
  const { signals } = await recordSignals(page);
  await answerNps(page, 8, isMobile);
  // A real rage click: three quick presses on a button that does nothing, one frustration, so one dead click 2.5 s on.
  // The button has focus already, so that no press is answered by a focus change (which is not a dead click).
  await page.locator('#lab-button').focus();
  await pressRepeatedly(page.locator('#lab-button'), isMobile, 3);
  await expect.poll(signals, { timeout: 10_000 }).toEqual(['rage_click', 'dead_click']);
  // They wait with the page view, survey_shown, the answer and survey_completed (the survey is one question).
  await expect.poll(() => readOutbox(page)).toEqual({ events: 6, dropped: 0 });
  // Then custom events, more of them than the outbox holds.
  await page.evaluate((run) => {
    const pulse = (window as unknown as { pulse: (...args: unknown[]) => unknown }).pulse;
    for (let n = 0; n < 1_100; n++) pulse('track', 'overflow', { run, n });
  }, run);
  // 1,106 captured in all, 106 over the bound.
  await expect
    .poll(() => readOutbox(page), { timeout: 60_000, intervals: [500] })
    .toEqual({ events: 1_000, dropped: 106 });

  await page.unroute('**/v1/events');
  await pulse(page, 'flush');
  await expect.poll(async () => (await readOutbox(page)).events, { timeout: 30_000 }).toBe(0);

  const accepted = batches.filter((batch) => batch.status === 202);
  expect(accepted.map((batch) => batch.body.dropped)).toEqual([106, ...Array(accepted.length - 1).fill(undefined)]);
  const events = acceptedEvents(batches);
  expect(events.map((event) => event.type).slice(0, 3)).toEqual(['survey_shown', 'survey_answer', 'survey_completed']);
  const kept = events
    .slice(3)
    .map((event) => (event.type === 'track' && event.props?.run === run ? event.props.n : -1));
  // The oldest went first: the page view, the rage click, the dead click and the 103 oldest custom events. The
  // 997 newest arrive, in order.
  expect(kept).toEqual(Array.from({ length: 997 }, (_, index) => index + 103));
  expect(await readOutbox(page)).toEqual({ events: 0, dropped: 0 });

  const stats = await eventually(
    () => npsStats({ survey }),
    (value) => value.n > 0,
  );
  expect(stats).toEqual({ n: 1, promoters: 0, passives: 1, detractors: 0 });
  // The collector keeps the count per site.
  const { dropped } = await eventually(ingestStats, (value) => value.dropped > droppedBefore);
  expect(dropped - droppedBefore).toBe(106);
});
