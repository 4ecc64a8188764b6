import { eventually, settled } from '../helpers/collector';
import { deviceOf, type FrictionStats, flush, recordRequests, sdkReady, stats } from '../helpers/friction';
import { expect, test } from '../helpers/site';

test('every page and route change is a page view, and one session counts once across pages', async ({
  page,
  isMobile,
}) => {
  const device = deviceOf(isMobile);
  const path = `/lab/pageviews-${device}`;
  const before = await settled(() => stats<FrictionStats>('friction', { device }));
  const sent = recordRequests(page.context());

  await page.goto(path);
  await sdkReady(page);
  // A single-page app changes route: the query counts, the fragment does not.
  await page.evaluate(() => history.pushState(null, '', `${location.pathname}?tab=reviews`));
  await page.evaluate(() => history.pushState(null, '', `${location.pathname}?tab=reviews#top`));
  await page.goto('/shop');
  await flush(page);

  // Once in a fresh-clone run the flush resolved before the new page's page view had left: wait for exactly these three.
  const views = () => sent.events().filter((event) => event.type === 'pageview');
  await expect.poll(() => views().map((event) => event.url)).toEqual([path, `${path}?tab=reviews`, '/shop']);
  expect(new Set(views().map((event) => event.session)).size).toBe(1);

  const after = await eventually(
    () => stats<FrictionStats>('friction', { device }),
    (body) => body.pageviews >= before.pageviews + 3,
  );
  expect(after.pageviews).toBe(before.pageviews + 3);
  expect(after.sessions).toBe(before.sessions + 1);
  const page1 = await stats<FrictionStats>('friction', { device, path });
  expect(page1).toMatchObject({ pageviews: 2, sessions: 1 });
});
