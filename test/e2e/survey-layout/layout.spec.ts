import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/site';
import { dialog, labSurvey, unique } from '../helpers/surveys';

const textSurvey = (id: string) =>
  labSurvey(id, { questions: [{ id: 'more', type: 'text', text: 'What brought you here today?' }] });

const box = async (page: Page) => (await dialog(page).boundingBox())!;
const viewport = (page: Page) => page.evaluate(() => ({ width: innerWidth, height: innerHeight }));

test('a card at the bottom right on desktop, a bottom sheet across a phone', async ({ page, isMobile }) => {
  await page.goto(await textSurvey(unique('layout-place')));
  await expect(dialog(page)).toBeVisible();
  // Let the entrance animation end before measuring.
  await page.waitForTimeout(400);
  const card = await box(page);
  const { width, height } = await viewport(page);
  if (isMobile) {
    expect(width).toBeLessThan(640);
    expect(card.x).toBe(0);
    expect(card.width).toBe(width);
    expect(card.y + card.height).toBeCloseTo(height, 0);
  } else {
    expect(card.width).toBe(380);
    expect(card.x + card.width).toBeCloseTo(width - 16, 0);
    expect(card.y + card.height).toBeCloseTo(height - 16, 0);
  }
});

test('with the virtual keyboard open, the text field stays above it', async ({ page, isMobile }) => {
  await page.goto(await textSurvey(unique('layout-keyboard')));
  const field = dialog(page).getByRole('textbox');
  await (isMobile ? field.tap() : field.click());
  await page.keyboard.type('A lamp');
  // Headless Chromium draws no keyboard. On Android, an open keyboard shrinks the visual viewport and leaves the
  // layout viewport as it is (Chrome's default, resizes-visual), so position: fixed alone would sit under it:
  // shrink the visual viewport the same way and tell the page, as the browser does.
  const keyboard = 340;
  await page.evaluate((height) => {
    const viewport = window.visualViewport!;
    Object.defineProperty(viewport, 'height', { configurable: true, get: () => innerHeight - height });
    viewport.dispatchEvent(new Event('resize'));
  }, keyboard);
  const { height } = await viewport(page);
  // The sheet sits on the keyboard; a desktop card (a tablet's keyboard) keeps its 16 px margin above it.
  const margin = isMobile ? 0 : 16;
  const visibleBottom = height - keyboard;
  await expect
    .poll(async () => Math.round((await box(page)).y + (await box(page)).height))
    .toBe(visibleBottom - margin);
  const fieldBox = (await field.boundingBox())!;
  expect(fieldBox.y).toBeGreaterThanOrEqual(0);
  expect(fieldBox.y + fieldBox.height).toBeLessThanOrEqual(visibleBottom);
  await expect(field).toBeFocused();
  // The keyboard closes: the sheet goes back to the bottom.
  await page.evaluate(() => {
    const viewport = window.visualViewport!;
    Object.defineProperty(viewport, 'height', { configurable: true, get: () => innerHeight });
    viewport.dispatchEvent(new Event('resize'));
  });
  await expect.poll(async () => Math.round((await box(page)).y + (await box(page)).height)).toBe(height - margin);
});

test('host-page CSS changes nothing inside the widget', async ({ page }) => {
  await page.goto(
    await labSurvey(unique('layout-isolation'), {
      questions: [{ id: 'plan', type: 'single', text: 'Which plan?', options: ['Free', 'Pro'] }],
    }),
  );
  await expect(dialog(page)).toBeVisible();
  await page.waitForTimeout(400);
  /** Every element of the card: its box and the styles that shape it. (The host itself sits in the page's flow.) */
  const snapshot = () =>
    page.evaluate(() =>
      Array.from(document.querySelector('pulse-survey')!.shadowRoot!.querySelectorAll('.card, .card *')).map(
        (element) => {
          const { x, y, width, height } = element.getBoundingClientRect();
          const style = getComputedStyle(element);
          return {
            tag: element.tagName,
            box: [x, y, width, height],
            style: [style.display, style.position, style.font, style.color, style.backgroundColor, style.border],
          };
        },
      ),
    );
  const before = await snapshot();
  await page.addStyleTag({ content: '* { all: unset } button { display: none }' });
  // The page itself did change.
  await expect(page.locator('#lab-button')).toBeHidden();
  expect(await snapshot()).toEqual(before);
  await expect(dialog(page).getByRole('button', { name: 'Next' })).toBeVisible();
});

test('theming: the page sets the accent through CSS custom properties', async ({ page }) => {
  await page.goto(await labSurvey(unique('layout-theme')));
  await page.addStyleTag({ content: ':root { --pulse-accent: rgb(180, 83, 26); --pulse-radius: 4px }' });
  // A choice made with the keyboard enables Next (a disabled one is drawn in the card's own colours).
  await dialog(page).getByRole('radio').first().focus();
  await page.keyboard.press('ArrowRight');
  const next = dialog(page).getByRole('button', { name: 'Next' });
  await expect(next).toBeEnabled();
  await expect(next).toHaveCSS('background-color', 'rgb(180, 83, 26)');
  await expect(next).toHaveCSS('border-radius', '2px');
});

test('the NPS scale of 44 px targets: one row in a desktop card, two balanced rows on a 360 px phone, each end named under its cell', async ({
  page,
  isMobile,
}) => {
  if (isMobile) await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(await labSurvey(unique('layout-nps')));
  await expect(dialog(page)).toBeVisible();
  await page.waitForTimeout(400);
  const cells = await Promise.all(
    (await dialog(page).getByRole('radio').all()).map(async (radio) => (await radio.boundingBox())!),
  );
  const [low, high] = await Promise.all(
    ['not at all likely', 'extremely likely'].map(
      async (name) =>
        (await page.locator('pulse-survey').getByText(name, { exact: true }).filter({ visible: true }).boundingBox())!,
    ),
  );
  const rows = [...new Set(cells.map((cell) => Math.round(cell.y)))];
  const [zero, ten] = [cells[0]!, cells[10]!];
  expect(cells).toHaveLength(11);
  for (const cell of cells) {
    expect(cell.width).toBeGreaterThanOrEqual(44);
    expect(cell.height).toBeGreaterThanOrEqual(44);
  }
  if (!isMobile) expect(rows).toHaveLength(1);
  else {
    // 0–5 on the first row, 6–10 on the second, both as wide as the card.
    expect(rows).toHaveLength(2);
    expect(cells.map((cell) => (Math.round(cell.y) === rows[0] ? 1 : 2))).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect(cells[6]!.x).toBeCloseTo(zero.x, 0);
    expect(ten.x + ten.width).toBeCloseTo(cells[5]!.x + cells[5]!.width, 0);
    // The low end's name sits between the rows, under 0; the high end's under the second row, under 10.
    expect(low.y).toBeGreaterThanOrEqual(zero.y + zero.height);
    expect(low.y + low.height).toBeLessThanOrEqual(cells[6]!.y);
  }
  expect(low.x).toBeCloseTo(zero.x, 0);
  expect(low.y).toBeGreaterThanOrEqual(zero.y + zero.height);
  expect(high.x + high.width).toBeCloseTo(ten.x + ten.width, 0);
  expect(high.y).toBeGreaterThanOrEqual(ten.y + ten.height);
});
