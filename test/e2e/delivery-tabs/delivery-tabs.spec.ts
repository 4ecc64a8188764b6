import type { Page } from '@playwright/test';
import { acceptedEvents, postedIds, pulse, readOutbox, recordBatches } from '../helpers/delivery';
import { expect, test } from '../helpers/site';

for (const locks of [true, false]) {
  test(`two tabs capturing together post every event once ${locks ? 'under Web Locks' : 'without Web Locks (lease)'}`, async ({
    context,
  }, testInfo) => {
    const run = `${Date.now()}-${testInfo.project.name}-${locks}`;
    // Browsers without Web Locks (or pages outside a secure context) take the localStorage lease instead.
    if (!locks)
      await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'locks', { value: undefined }));
    const batches = recordBatches(context);
    // A slow collector keeps each send open for a while, so that the tabs' sends would overlap without a lock.
    await context.route('**/v1/events', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    });
    const tabs: Page[] = [await context.newPage(), await context.newPage()];
    await Promise.all(tabs.map((tab, index) => tab.goto(`/lab/delivery-tabs-${index}-${run}`)));

    const capture = (round: number, count = 5) =>
      Promise.all(
        tabs.map((tab, index) =>
          tab.evaluate(
            ([run, index, round, count]) => {
              const pulse = (window as unknown as { pulse: (...args: unknown[]) => unknown }).pulse;
              for (let n = 0; n < count; n++) pulse('track', 'tabs', { run, tab: index, n: round * 5 + n });
            },
            [run, index, round, count] as const,
          ),
        ),
      );
    // Eleven rounds over about seven seconds, so that the tabs' timers fire while the other tab captures;
    // then, once all is sent, a burst that both tabs are asked to send at the same moment.
    for (let round = 0; round < 11; round++) {
      await capture(round);
      await tabs[0]!.waitForTimeout(600);
    }
    await expect.poll(async () => (await readOutbox(tabs[0]!)).events, { timeout: 15_000 }).toBe(0);
    await capture(11, 25);
    await Promise.all(tabs.map((tab) => pulse(tab, 'flush')));
    await Promise.all(tabs.map((tab) => pulse(tab, 'flush')));
    await expect.poll(async () => (await readOutbox(tabs[0]!)).events, { timeout: 15_000 }).toBe(0);

    const posted = postedIds(batches);
    expect(posted.length).toBe(new Set(posted).size);
    expect(batches.every((batch) => batch.status === 202)).toBe(true);
    const tracks = acceptedEvents(batches).filter((event) => event.type === 'track' && event.props?.run === run);
    const seen = tracks.map((event) => (event.type === 'track' ? `${event.props?.tab}:${event.props?.n}` : ''));
    expect(seen.sort()).toEqual([0, 1].flatMap((tab) => Array.from({ length: 80 }, (_, n) => `${tab}:${n}`)).sort());
  });
}
