import { eventually, npsStats } from '../helpers/collector';
import { acceptedEvents, answerNps, pulse, putLabSurvey, recordBatches } from '../helpers/delivery';
import { expect, test } from '../helpers/site';

/** Ways IndexedDB is unavailable in the wild: missing altogether, or refusing to open (blocked storage). */
const BREAKAGES = {
  missing: () => Object.defineProperty(window, 'indexedDB', { value: undefined }),
  refused: () => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  },
};

for (const [breakage, script] of Object.entries(BREAKAGES)) {
  test(`with IndexedDB ${breakage}, the SDK delivers from memory and throws nothing into the page`, async ({
    context,
    page,
    isMobile,
  }, testInfo) => {
    const run = `${Date.now()}-${testInfo.project.name}-${breakage}`;
    const survey = `no-idb-${run}`;
    const path = `/lab/delivery-no-indexeddb-${run}`;
    await putLabSurvey(survey, path);
    await page.addInitScript(script);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    const batches = recordBatches(context);

    await page.goto(path);
    await answerNps(page, 7, isMobile);
    for (let n = 0; n < 3; n++) await pulse(page, 'track', 'no-idb', { run, n });
    await pulse(page, 'flush');

    const stats = await eventually(
      () => npsStats({ survey }),
      (value) => value.n > 0,
    );
    expect(stats).toEqual({ n: 1, promoters: 0, passives: 1, detractors: 0 });
    await expect
      .poll(() =>
        acceptedEvents(batches)
          .filter((event) => event.type === 'track' && event.props?.run === run)
          .map((event) => event.type === 'track' && event.props?.n),
      )
      .toEqual([0, 1, 2]);
    expect(problems).toEqual([]);
  });
}
