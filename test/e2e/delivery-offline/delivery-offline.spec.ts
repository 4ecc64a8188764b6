import { eventually, npsStats } from '../helpers/collector';
import {
  acceptedEvents,
  answerNps,
  closeTab,
  pulse,
  putLabSurvey,
  readOutbox,
  recordBatches,
} from '../helpers/delivery';
import { deviceOf, type FrictionStats, friction, pressRepeatedly, recordSignals, sdkReady } from '../helpers/friction';
import { expect, test } from '../helpers/site';

test(
  'offline, an answer, a rage click and custom events wait in IndexedDB; a later tab online delivers each exactly once',
  { tag: '@alone' },
  async ({ context, isMobile }, testInfo) => {
    const run = `${Date.now()}-${testInfo.project.name}`;
    const survey = `offline-${run}`;
    const path = `/lab/delivery-offline-${run}`;
    await putLabSurvey(survey, path);
    const batches = recordBatches(context);

    const page = await context.newPage();
    await page.goto(path);
    await expect(page.getByRole('dialog')).toBeVisible();
    // The detectors of clicks arrive in their own chunk, before the network goes.
    await sdkReady(page);
    const { signals } = await recordSignals(page);
    await context.setOffline(true);
    await answerNps(page, 3, isMobile);
    // A rage click: three quick presses on a button that does nothing, reported once the burst is over.
    await pressRepeatedly(page.locator('#lab-button'), isMobile, 3);
    await expect.poll(signals).toContain('rage_click');
    for (let n = 0; n < 5; n++) await pulse(page, 'track', 'offline', { run, n });
    // The answer, the rage click and five custom events at least (the page view and survey_shown may have left before
    // going offline).
    await expect.poll(async () => (await readOutbox(page)).events).toBeGreaterThanOrEqual(7);
    await closeTab(page);

    await context.setOffline(false);
    const later = await context.newPage();
    await later.goto(`/lab/delivery-offline-later-${run}`);

    const stats = await eventually(
      () => npsStats({ survey }),
      (value) => value.n > 0,
    );
    expect(stats).toEqual({ n: 1, promoters: 0, passives: 0, detractors: 1 });
    await expect.poll(async () => (await readOutbox(later)).events).toBe(0);
    const accepted = acceptedEvents(batches);
    const tracks = accepted.filter((event) => event.type === 'track' && event.props?.run === run);
    expect(tracks.map((event) => event.type === 'track' && event.props?.n).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(tracks.map((event) => event.id)).size).toBe(5);
    expect(accepted.filter((event) => event.type === 'survey_answer' && event.survey === survey)).toHaveLength(1);
    const rage = accepted.filter((event) => event.type === 'rage_click' && event.url === path);
    expect(rage).toEqual([expect.objectContaining({ type: 'rage_click', count: 3, target: '#lab-button' })]);
    const rageCount = (value: FrictionStats) => value.signals.rage_click?.count ?? 0;
    const frictionStats = await eventually(
      () => friction(path, deviceOf(isMobile)),
      (value) => rageCount(value) > 0,
    );
    expect(rageCount(frictionStats)).toBe(1);

    // Give any duplicate time to come through the Queue: the answer and the rage click are still counted once.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await npsStats({ survey })).toEqual(stats);
    expect(rageCount(await friction(path, deviceOf(isMobile)))).toBe(1);
  },
);
