import type { Page } from '@playwright/test';
import { flush, press, recordRequests, sdkReady } from '../helpers/friction';
import { expect, test } from '../helpers/site';

/** What the lab page's button does when clicked, in each case; `none` is the control. */
const REACTIONS = {
  none: 'nothing',
  dom: 'a DOM change',
  route: 'a route change',
  scroll: 'a scroll',
  selection: 'a text selection',
  focus: 'a focus change',
  request: 'a network request',
} as const;

/** Opens a lab page whose button reacts in one way (or not at all), presses it and waits out the dead-click window. */
const pressLabButton = async (page: Page, isMobile: boolean, reaction: keyof typeof REACTIONS) => {
  await page.goto(`/lab/dead-guard-${reaction}`);
  await sdkReady(page);
  await page.evaluate((kind) => {
    const field = document.createElement('input');
    field.id = 'lab-field';
    field.setAttribute('aria-label', 'Lab field');
    document.querySelector('#lab-inline')!.after(field);
    const handlers: Record<string, () => void> = {
      none: () => undefined,
      dom: () => setTimeout(() => document.querySelector('#lab-inline')!.append('Opened'), 1500),
      route: () => history.pushState(null, '', `${location.pathname}?step=2`),
      scroll: () => scrollBy(0, 400),
      selection: () => getSelection()!.selectAllChildren(document.querySelector('h1')!),
      focus: () => field.focus(),
      request: () => void fetch('/lab/ping?from=button'),
    };
    document.querySelector('#lab-button')!.addEventListener('click', handlers[kind]!);
  }, reaction);
  await page.waitForTimeout(300);
  await press(page.locator('#lab-button'), isMobile);
  await page.waitForTimeout(3000);
  await flush(page);
};

test('a button that does nothing is a dead click (the control for the cases below)', async ({ page, isMobile }) => {
  const sent = recordRequests(page.context());
  await pressLabButton(page, isMobile, 'none');
  expect(sent.events().filter((event) => event.type === 'dead_click')).toEqual([
    expect.objectContaining({ target: '#lab-button', label: 'A button that does nothing' }),
  ]);
});

for (const [reaction, name] of Object.entries(REACTIONS).filter(([reaction]) => reaction !== 'none'))
  test(`a click followed by ${name} is not a dead click`, async ({ page, isMobile }) => {
    const sent = recordRequests(page.context());
    await pressLabButton(page, isMobile, reaction as keyof typeof REACTIONS);
    expect(sent.events().some((event) => event.type === 'pageview')).toBe(true);
    expect(sent.events().filter((event) => event.type === 'dead_click')).toEqual([]);
  });

test('a link that navigates is not a dead click', async ({ page, isMobile }) => {
  const sent = recordRequests(page.context());
  await page.goto('/lab/dead-guard-link');
  await sdkReady(page);
  await press(page.locator('#lab-link'), isMobile);
  await page.waitForURL('**/lab/elsewhere');
  await page.waitForTimeout(3000);
  await flush(page);
  expect(
    sent
      .events()
      .filter((event) => event.type === 'pageview')
      .map((event) => event.url),
  ).toEqual(['/lab/dead-guard-link', '/lab/elsewhere']);
  expect(sent.events().filter((event) => event.type === 'dead_click')).toEqual([]);
});
