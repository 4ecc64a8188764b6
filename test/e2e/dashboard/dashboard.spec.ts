import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { eventually } from '../helpers/collector';
import {
  createSite,
  type Draft,
  type LabSite,
  parseCsv,
  putFunnel,
  putSurvey,
  section,
  sendEvents,
  signIn,
  uuid7,
  waitForAnswers,
} from '../helpers/dashboard';
import { COLLECTOR } from '../helpers/ports.mjs';
import { expect, test } from '../helpers/site';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** A verbatim that would run script if the dashboard rendered it as HTML. */
const MARKUP = '<img src=x onerror="document.title=\'pwned\'"><b>bold</b> it broke';
/** A verbatim a spreadsheet would run as a formula, unless the CSV neutralises it. */
const FORMULA = '=HYPERLINK("http://evil.example","click")';

let site: LabSite;

/**
 * A site of this scenario's own with known numbers, sent through the real write path:
 * NPS 10, 9, 9, 8, 6, 2 (3 promoters, 1 passive, 2 detractors: +17); CSAT 5, 4, 2, 5 (75 %); CES 6, 7, 3 (5.3);
 * page views /p/home ×4 and /p/buy ×2 with a dead click on /p/home and a rage click on /p/buy (25 and 50 per 100);
 * a good LCP on /p/home and a poor one on /p/buy; a funnel home → buy → paid that 3 sessions enter and 1 completes;
 * and four free-text answers, one with markup and one with a formula. The NPS 6 and 2 come from the session that
 * rage-clicked first (NPS −100 after friction, +75 without).
 */
test.beforeAll(async () => {
  site = await createSite(`dash-${test.info().project.name}-${Date.now()}`);
  await putSurvey(site.id, {
    id: 'support',
    name: 'Support CSAT',
    questions: [{ id: 'score', type: 'csat', text: 'How did we do?' }],
    triggers: [{ on: 'manual' }],
  });
  await putFunnel(site.id, {
    id: 'buy',
    name: 'Buy',
    steps: [
      { name: 'Home', url: { match: 'exact', value: '/p/home' } },
      { name: 'Buy page', url: { match: 'exact', value: '/p/buy' } },
      { name: 'Paid', event: 'paid' },
    ],
  });
  const visitor = uuid7();
  const sessions = [uuid7(), uuid7(), uuid7()] as const;
  const on = (session: string, url: string) => ({ visitor, session, url, device: 'desktop' as const });
  const [a, b, c] = sessions;
  const answer = (survey: string, kind: 'nps' | 'csat' | 'ces', value: number, text?: string, session = a): Draft[] => {
    const response = uuid7();
    const base = { ...on(session, '/p/home'), survey, response };
    return [
      { ...base, type: 'survey_answer', question: 'score', kind, value },
      ...(text === undefined
        ? []
        : [{ ...base, type: 'survey_answer', question: 'score.followup', kind: 'text', value: text } as Draft]),
    ];
  };
  await sendEvents(site, [
    { ...on(a, '/p/home'), type: 'pageview' },
    { ...on(a, '/p/buy'), type: 'pageview' },
    { ...on(a, '/p/buy'), type: 'track', name: 'paid' },
    { ...on(b, '/p/home'), type: 'pageview' },
    { ...on(b, '/p/buy'), type: 'pageview' },
    { ...on(c, '/p/home'), type: 'pageview' },
    { ...on(c, '/p/home'), type: 'pageview' },
    { ...on(c, '/p/home'), type: 'dead_click', target: '#more', label: 'More' },
    { ...on(b, '/p/buy'), type: 'rage_click', target: '#pay', label: 'Pay now', count: 4 },
    { ...on(a, '/p/home'), type: 'vital', name: 'LCP', value: 1200, metric: uuid7() },
    { ...on(b, '/p/buy'), type: 'vital', name: 'LCP', value: 5000, metric: uuid7() },
    ...answer('nps', 'nps', 10, 'Lovely warm light'),
    ...answer('nps', 'nps', 9),
    ...answer('nps', 'nps', 9),
    ...answer('nps', 'nps', 8),
    ...answer('nps', 'nps', 6, 'Checkout was slow', b),
    ...answer('nps', 'nps', 2, MARKUP, b),
    ...answer('support', 'csat', 5),
    ...answer('support', 'csat', 4),
    ...answer('support', 'csat', 2, FORMULA),
    ...answer('support', 'csat', 5),
    ...answer('checkout', 'ces', 6),
    ...answer('checkout', 'ces', 7),
    ...answer('checkout', 'ces', 3),
  ]);
  await waitForAnswers(site, 17);
  // The friction, vitals and funnel rollups follow the same transaction as the answers; wait for the funnel too.
  await eventually(
    async () => {
      const response = await fetch(`${COLLECTOR}/v1/sites/${site.id}/stats/funnels`, {
        headers: { Authorization: `Bearer ${site.readKey}` },
      });
      return ((await response.json()) as { funnels: { completed: number }[] }).funnels[0]?.completed ?? 0;
    },
    (completed) => completed === 1,
  );
});

/** The text of each cell of a table's body rows. */
const tableRows = (page: Page, table: string) =>
  page
    .locator(table)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').trim())),
    );

test('every section shows the seeded numbers, with text equivalents of its charts', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await signIn(page, site.id, site.readKey);

  const nps = section(page, 'Net Promoter Score');
  await expect(nps.locator('.headline')).toContainText('Score+17');
  await expect(nps.locator('.headline')).toContainText('Answers (n)6');
  await expect(nps.getByRole('img', { name: /^Answers by group:/ })).toHaveAccessibleName(
    'Answers by group: Promoters (9–10) 50 %, Passives (7–8) 17 %, Detractors (0–6) 33 %',
  );
  await expect(nps.getByRole('img', { name: /^NPS trend:/ })).toBeVisible();
  await nps.getByText('NPS trend as a table').click();
  await expect(nps.getByRole('table')).toContainText('6+17');

  const csat = section(page, 'Customer satisfaction (CSAT)');
  await expect(csat.locator('.headline')).toContainText('Score75 %');
  await expect(csat.locator('.headline')).toContainText('Answers (n)4');
  const ces = section(page, 'Customer effort (CES)');
  await expect(ces.locator('.headline')).toContainText('Score5.3 / 7');
  await expect(ces.locator('.headline')).toContainText('Answers (n)3');

  const friction = section(page, 'Friction');
  await expect(friction).toContainText('33.3 friction signals per 100 page views, over 6 page views in 3 sessions.');
  // Sorted by all signals, most first: each row is page, page views, all signals, then each signal's rate and count.
  const rows = await tableRows(page, 'table.friction');
  expect(rows.map((row) => row.slice(0, 5))).toEqual([
    ['/p/buy', '2', '50', '50 (1 event)', '0 (0 events)'],
    ['/p/home', '4', '25', '0 (0 events)', '25 (1 event)'],
  ]);
  await expect(friction.locator('table.friction tbody tr').first().getByRole('img')).toHaveAccessibleName(
    /^Friction per 100 page views on \/p\/buy, by day: .*50/,
  );
  // Sort by page views, most first, from the keyboard.
  await friction.getByRole('button', { name: /^Page views/ }).focus();
  await page.keyboard.press('Enter');
  await expect(friction.getByRole('columnheader', { name: /^Page views/ })).toHaveAttribute('aria-sort', 'descending');
  expect((await tableRows(page, 'table.friction')).map((row) => row[0])).toEqual(['/p/home', '/p/buy']);
  expect((await tableRows(page, 'table.elements')).map((row) => row.slice(0, 5))).toEqual([
    ['#pay', 'Pay now', '/p/buy', '1', '0'],
    ['#more', 'More', '/p/home', '0', '1'],
  ]);

  const impact = section(page, 'Scores and friction');
  expect((await tableRows(page, 'table.impact')).map((row) => row.slice(0, 2))).toEqual([
    ['Any friction', expect.stringMatching(/^−100 after friction, \+75 without difference −175 \[.*\], n = 2 and 4/)],
    ['Rage clicks', expect.stringMatching(/^−100 after friction, \+75 without/)],
    ['Pay now on /p/buy', expect.stringMatching(/^−100 after friction, \+75 without/)],
  ]);
  await expect(impact.locator('table.impact tbody tr').first()).toContainText('Not enough answers yet');

  const vitals = section(page, 'Web vitals');
  await expect(vitals.locator('.vital').first()).toContainText('LCP');
  await expect(vitals.locator('.vital').first()).toContainText('good ≤ 2.5 s, poor > 4.0 s · n = 2');
  const vitalRows = await tableRows(page, 'table.vitals-table');
  expect(vitalRows.map((row) => [row[0], row[1], row[2]?.replace(/n = .*/, '')])).toEqual([
    ['/p/buy', 'desktop', expect.stringMatching(/^✕ [45]\.\d s \(poor\)$/)],
    ['/p/home', 'desktop', expect.stringMatching(/^✓ 1\.\d s \(good\)$/)],
  ]);
  // Sorted by how far past its good threshold LCP is: the worst first, then the best first.
  const lcp = vitals.locator('table.vitals-table').getByRole('columnheader', { name: 'LCP' });
  await lcp.getByRole('button').click();
  await expect(lcp).toHaveAttribute('aria-sort', 'descending');
  expect((await tableRows(page, 'table.vitals-table')).map((row) => row[0])).toEqual(['/p/buy', '/p/home']);
  await lcp.getByRole('button').click();
  await expect(lcp).toHaveAttribute('aria-sort', 'ascending');
  expect((await tableRows(page, 'table.vitals-table')).map((row) => row[0])).toEqual(['/p/home', '/p/buy']);

  const funnels = section(page, 'Funnels');
  await expect(funnels).toContainText('3 sessions entered, 1 completed: 33 % conversion.');
  await expect(funnels.getByRole('listitem')).toHaveText([
    '1. Home3 sessions (100 %)1 left here (33 % of those who reached it)',
    '2. Buy page2 sessions (67 %)1 left here (50 % of those who reached it)',
    '3. Paid1 session (33 %)',
  ]);

  const verbatims = section(page, 'Verbatims');
  expect((await tableRows(page, 'table.verbatims')).map((row) => row.slice(1, 5))).toEqual([
    // A survey the site defined with a name is shown by it; the others by their ids.
    ['Support CSAT', 'CSAT 2', FORMULA, '/p/home'],
    ['nps', 'NPS 2', MARKUP, '/p/home'],
    ['nps', 'NPS 6', 'Checkout was slow', '/p/home'],
    ['nps', 'NPS 10', 'Lovely warm light', '/p/home'],
  ]);
  // The friction each respondent met earlier in the visit: the detractors' session rage-clicked the pay button.
  expect((await tableRows(page, 'table.verbatims')).map((row) => row[6])).toEqual([
    '—',
    'rage_click #pay on /p/buy',
    'rage_click #pay on /p/buy',
    '—',
  ]);
  await verbatims.getByLabel('Search the answers').fill('slow');
  await expect(verbatims.locator('table.verbatims tbody tr')).toHaveCount(1);
  await expect(verbatims.locator('table.verbatims tbody tr')).toContainText('Checkout was slow');
  expect(errors).toEqual([]);
});

test('a filter that matches nothing shows each empty state, saying what to do next', async ({ page }) => {
  await signIn(page, site.id, site.readKey);
  await expect(section(page, 'Net Promoter Score').locator('.headline')).toBeVisible();
  await page.getByLabel('Device').selectOption('mobile');
  await expect(page).toHaveURL(/device=mobile/);
  await expect(section(page, 'Net Promoter Score')).toContainText('No NPS answers in this range.');
  // Each empty state names the filter that may have emptied it, first.
  for (const title of ['Net Promoter Score', 'Friction', 'Web vitals', 'Verbatims'])
    await expect(section(page, title).locator('.empty .narrowed')).toHaveText(
      'Filtered to mobile devices: the filter may be what emptied this section. Clear it to see every page and device.',
    );
  await expect(section(page, 'Customer effort (CES)')).toContainText(
    'Define a survey with a question of type ces through the admin API',
  );
  await expect(section(page, 'Friction')).toContainText('No page views in this range.');
  await expect(section(page, 'Friction')).toContainText(`src="${COLLECTOR}/sdk/pulse.js"`);
  await expect(section(page, 'Web vitals')).toContainText('No web-vitals records in this range.');
  await expect(section(page, 'Funnels')).toContainText('No session entered this funnel in this range.');
  await expect(section(page, 'Verbatims')).toContainText('No free-text answers in this range.');
  await expect(page.getByRole('heading', { name: 'No data yet' })).toBeVisible();
});

test('a wrong key shows the error state, and the key is kept in the tab only, never in the URL', async ({ page }) => {
  await signIn(page, site.id, 'sk_not-the-key');
  await expect(page.getByRole('alert')).toContainText(`This read key cannot read the site “${site.id}”.`);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

  await page.getByLabel('Read key').fill(site.readKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(section(page, 'Net Promoter Score').locator('.headline')).toBeVisible();
  expect(page.url()).not.toContain(site.readKey);
  const stored = await page.evaluate(() => ({
    session: JSON.stringify(sessionStorage),
    local: JSON.stringify(localStorage),
  }));
  expect(stored.session).toContain(site.readKey);
  expect(stored.local).not.toContain(site.readKey);
  // A reload keeps the session; signing out forgets the key.
  await page.reload();
  await expect(section(page, 'Net Promoter Score').locator('.headline')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Read key')).toHaveValue('');
  expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(site.readKey);
});

for (const [width, height] of [
  [1366, 768],
  [390, 844],
] as const) {
  test(`nothing is clipped at ${width} × ${height}: every chart and table fits its card, or its scroller says it scrolls`, async ({
    page,
    isMobile,
  }) => {
    // The laptop on the desktop project, the phone on the phone project.
    test.skip(isMobile !== width < 1000);
    await page.setViewportSize({ width, height });
    await signIn(page, site.id, site.readKey);
    await expect(section(page, 'Verbatims').locator('table.verbatims tbody tr')).toHaveCount(4);
    await expect(section(page, 'Friction').locator('table.friction')).toBeVisible();
    const problems = await page.evaluate(() => {
      const found: string[] = [];
      /** An element as a failure names it: its tag and classes, and the heading of the card it is in. */
      const name = (element: Element) =>
        `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')} in "${element.closest('section:has(h2)')?.querySelector('h2')?.textContent}"`;
      // The page itself never scrolls sideways.
      if (document.documentElement.scrollWidth > innerWidth)
        found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
      for (const element of Array.from(
        document.querySelectorAll('main svg, main table, main .headline, main h2, main .stacked-bar'),
      )) {
        const box = element.getBoundingClientRect();
        if (!box.width) continue;
        const scroller = element.closest('.table-scroll');
        const container = (scroller ?? element.closest('section')!).getBoundingClientRect();
        if (scroller) {
          // A table wider than its scroller is fine when the scroller shows that it scrolls.
          if (scroller.scrollWidth > scroller.clientWidth + 1 && !scroller.matches('[data-scrolls]'))
            found.push(`${name(element)} scrolls without saying so`);
          continue;
        }
        if (box.left < container.left - 0.5 || box.right > container.right + 0.5)
          found.push(
            `${name(element)}: ${Math.round(box.left)}–${Math.round(box.right)} outside ${Math.round(container.left)}–${Math.round(container.right)}`,
          );
      }
      // Text cut by its own box: an element whose content is wider or taller than it, with overflow hidden.
      for (const element of Array.from(document.querySelectorAll('main *'))) {
        const style = getComputedStyle(element);
        // A visually hidden element (1 px, for screen readers) is meant to cut its content.
        if ((style.overflowX === 'hidden' || style.overflowY === 'hidden') && element.clientWidth > 1)
          if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
            found.push(`${name(element)} cuts its content`);
      }
      // SVG text outside its chart's viewBox is clipped by the svg.
      for (const label of Array.from(document.querySelectorAll('main svg text'))) {
        const svg = label.closest('svg')!.getBoundingClientRect();
        const box = label.getBoundingClientRect();
        if (
          box.left < svg.left - 0.5 ||
          box.right > svg.right + 0.5 ||
          box.top < svg.top - 0.5 ||
          box.bottom > svg.bottom + 0.5
        )
          found.push(`"${label.textContent}" sticks out of its chart`);
      }
      return found;
    });
    expect(problems).toEqual([]);
    // A laptop fits the friction table whole, its trend column included.
    if (width > 1000)
      await expect(section(page, 'Friction').locator('.table-scroll').first()).not.toHaveAttribute('data-scrolls');
  });
}

test('a verbatim with markup is shown as text and runs nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await signIn(page, site.id, site.readKey);
  const cell = page.locator('table.verbatims td.verbatim', { hasText: 'it broke' });
  await expect(cell).toHaveText(MARKUP);
  expect(await cell.locator('img, b').count()).toBe(0);
  expect(await page.locator('main img').count()).toBe(0);
  await page.waitForTimeout(500);
  expect(await page.title()).toBe('Pulse dashboard');
  expect(dialogs).toEqual([]);
  expect(requests.filter((url) => url.endsWith('/x'))).toEqual([]);
});

test('CSV export downloads exactly the verbatims the table shows, formulas neutralised', async ({ page }) => {
  await signIn(page, site.id, site.readKey);
  const verbatims = section(page, 'Verbatims');
  await verbatims.getByLabel('Survey').selectOption('nps');
  await expect(verbatims.locator('table.verbatims tbody tr')).toHaveCount(3);
  const shown = await tableRows(page, 'table.verbatims');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    verbatims.getByRole('button', { name: 'Export CSV (3 shown)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`pulse-${site.id}-verbatims.csv`);
  const [header, ...rows] = parseCsv(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''));
  expect(header).toEqual(['time', 'survey', 'question', 'score_type', 'score', 'answer', 'page', 'device', 'friction']);
  // The score is a number, its kind in a column of its own; the table shows both as "NPS 9".
  expect(rows.every((row) => row[3] === 'nps' && /^\d+$/.test(row[4]!))).toBe(true);
  expect(rows.map((row) => [row[1], `NPS ${row[4]}`, row[5], row[6], row[7], row[8] || '—'])).toEqual(
    shown.map((row) => [row[1], row[2], row[3], row[4], row[5], row[6]]),
  );

  await verbatims.getByLabel('Survey').selectOption('support');
  await expect(verbatims.locator('table.verbatims tbody tr')).toHaveCount(1);
  const [formula] = await Promise.all([
    page.waitForEvent('download'),
    verbatims.getByRole('button', { name: 'Export CSV (1 shown)' }).click(),
  ]);
  const [, row] = parseCsv(readFileSync(await formula.path(), 'utf8').replace(/^\uFEFF/, ''));
  expect(row?.[5]).toBe(`'${FORMULA}`);
});

test('the dashboard is served with its own strict policy, and only its own files', async () => {
  for (const path of ['/dashboard', '/dashboard/app.js', '/dashboard/styles.css']) {
    const response = await fetch(`${COLLECTOR}${path}`);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  }
  const page = await (await fetch(`${COLLECTOR}/dashboard`)).text();
  // Every script is a same-origin file: nothing inline for the policy to refuse.
  expect(page.match(/<script[^>]*>/g)).toEqual(['<script type="module" src="/dashboard/app.js">']);
  expect((await fetch(`${COLLECTOR}/dashboard/index.html`)).status).toBe(404);
});

test.describe('accessibility', () => {
  // axe-core is injected as a script, which the dashboard's own policy (script-src 'self') refuses.
  test.use({ bypassCSP: true });

  test('the sign-in page and the dashboard pass axe-core WCAG A and AA rules', async ({ page }) => {
    const violations = async () => {
      await page.addScriptTag({ path: axePath });
      return page.evaluate(async () => {
        const { axe } = window as unknown as {
          axe: { run(context: Document, options: object): Promise<{ violations: { id: string; help: string }[] }> };
        };
        const result = await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        });
        return result.violations.map(({ id, help }) => `${id}: ${help}`);
      });
    };
    await page.goto(`${COLLECTOR}/dashboard?site=${site.id}`);
    expect(await violations()).toEqual([]);
    await page.getByLabel('Read key').fill(site.readKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('table.verbatims')).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    expect(await violations()).toEqual([]);
  });
});
