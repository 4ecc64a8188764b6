import { brotliCompressSync, constants } from 'node:zlib';
import { COLLECTOR } from '../helpers/ports.mjs';
import { expect, test } from '../helpers/site';

/** Everything a page loads from Pulse before it is idle, brotli: the hard budget, and the goal printed beside it. */
const BUDGET = 6 * 1024;
const GOAL = 5 * 1024;

const brotli = (buffer: Buffer) =>
  brotliCompressSync(buffer, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
  }).length;

// A gate on bytes, not on time: it lists what the page requested from Pulse until the load event and the idle period
// after it, so that a chunk loaded early counts with pulse.js, whatever the number of files.
test(
  'everything a page with the tag and no due survey loads from Pulse before it is idle fits 6 KB brotli',
  { tag: '@alone' },
  async ({ page }, testInfo) => {
    // Idle as Pulse waits for it: an idle period after the load event, or 500 ms, whichever comes first.
    await page.addInitScript(() => {
      addEventListener('load', () =>
        requestIdleCallback(() => Object.assign(window, { pulseTestIdleAt: performance.now() }), { timeout: 500 }),
      );
    });
    await page.goto(`/lab/startup-budget-${testInfo.project.name}`);
    await page.waitForFunction(() => 'pulseTestIdleAt' in window);
    // What the SDK loads once idle (web-vitals) is requested after the mark; let it come, to show it is not counted.
    await page.waitForTimeout(1000);
    const requested = await page.evaluate(
      ([sdk]) => {
        const idleAt = (window as unknown as { pulseTestIdleAt: number }).pulseTestIdleAt;
        return performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.startsWith(sdk!))
          .map((entry) => ({ url: entry.name, beforeIdle: entry.startTime < idleAt }));
      },
      [`${COLLECTOR}/sdk/`],
    );
    const files = await Promise.all(
      requested.map(async ({ url, beforeIdle }) => ({
        file: new URL(url).pathname,
        beforeIdle,
        brotli: brotli(Buffer.from(await (await fetch(url)).arrayBuffer())),
      })),
    );
    const startup = files.filter((file) => file.beforeIdle);
    const total = startup.reduce((sum, file) => sum + file.brotli, 0);
    console.log(
      [
        `[${testInfo.project.name}] Pulse files loaded before idle (brotli):`,
        ...files.map(
          (file) =>
            `  ${file.file.padEnd(20)} ${String(file.brotli).padStart(6)} B${file.beforeIdle ? '' : '  (after idle, not counted)'}`,
        ),
        `  start-up set: ${total} B, budget ${BUDGET} B, goal ${GOAL} B: ${total > BUDGET ? 'FAIL' : total > GOAL ? 'PASS (over the goal)' : 'PASS'}`,
      ].join('\n'),
    );
    expect(startup.map((file) => file.file)).toContain('/sdk/pulse.js');
    expect(startup.filter((file) => file.file.startsWith('/sdk/widget-'))).toEqual([]);
    expect(total).toBeLessThanOrEqual(BUDGET);
  },
);
