import { eventually, npsStats } from '../helpers/collector';
import { answerNps, putLabSurvey, recordBatches } from '../helpers/delivery';
import { expect, test } from '../helpers/site';

test(
  'after a 503 with Retry-After, the survey closing sends nothing until that time has passed',
  { tag: '@alone' },
  async ({ context, page, isMobile }, testInfo) => {
    const run = `${Date.now()}-${testInfo.project.name}`;
    const survey = `retry-after-${run}`;
    const path = `/lab/delivery-retry-after-${run}`;
    await putLabSurvey(survey, path);
    const batches = recordBatches(context);
    let refusedAt: number | undefined;
    await page.route('**/v1/events', async (route) => {
      if (refusedAt !== undefined) return route.continue();
      refusedAt = Date.now();
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        // As the collector answers cross-origin: the header is readable only when exposed.
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Expose-Headers': 'Retry-After',
          'Retry-After': '12',
        },
        body: '{"error":{"code":"unavailable","message":"Storage is unavailable; retry later."}}',
      });
    });

    await page.goto(path);
    await expect.poll(() => refusedAt, { timeout: 15_000 }).toBeDefined();
    await answerNps(page, 9, isMobile);
    // The thank-you step closes itself after 4 s, and closing flushes.
    await expect(page.getByRole('dialog')).toBeHidden({ timeout: 10_000 });

    const stats = await eventually(
      () => npsStats({ survey }),
      (value) => value.n > 0,
      30_000,
    );
    expect(stats).toEqual({ n: 1, promoters: 1, passives: 0, detractors: 0 });
    const later = batches.filter((batch) => batch.at > refusedAt! + 50);
    expect(later.length).toBeGreaterThan(0);
    for (const batch of later) expect(batch.at - refusedAt!).toBeGreaterThanOrEqual(12_000 - 50);
  },
);
