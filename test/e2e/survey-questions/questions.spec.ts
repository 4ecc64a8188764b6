import type { Page } from '@playwright/test';
import type { Question } from '@pulse/sdk/protocol';
import { eventually, npsStats } from '../helpers/collector';
import { expect, test } from '../helpers/site';
import { answersOf, dialog, labSurvey, unique, watchDelivery } from '../helpers/surveys';

/** One question of every type, with follow-ups on two score questions, chosen by range. */
const questions: Question[] = [
  {
    id: 'score',
    type: 'nps',
    text: 'How likely are you to recommend the lab?',
    followUp: [
      { max: 6, text: 'What should we fix?' },
      { min: 7, text: 'What do you like most?' },
    ],
  },
  { id: 'happy', type: 'csat', text: 'How satisfied are you with the search?' },
  {
    id: 'stars',
    type: 'csat',
    style: 'stars',
    text: 'How satisfied are you with delivery?',
    followUp: [{ max: 2, text: 'What went wrong?' }],
  },
  { id: 'effort', type: 'ces', text: 'The lab made it easy to find a lamp.' },
  { id: 'rate', type: 'rating', scale: 4, text: 'Rate the photos' },
  { id: 'plan', type: 'single', text: 'Which plan are you on?', options: ['Free', { en: 'Pro', de: 'Profi' }, 'Team'] },
  { id: 'uses', type: 'multi', text: 'What do you use?', options: ['Search', 'Export', 'API'] },
  { id: 'more', type: 'text', text: 'Anything else?' },
];

/** What each run answers, in order: the NPS follow-up is asked, the stars follow-up (≤ 2) is not. */
const expected: [string, unknown][] = [
  ['score', 9],
  ['score.followup', 'The light'],
  ['happy', 4],
  ['stars', 5],
  ['effort', 6],
  ['rate', 3],
  ['plan', 'Pro'],
  ['uses', ['Search', 'API']],
  ['more', 'Keep going'],
];

/** Opens the survey's page, answers it with `answer`, and checks the answers the collector accepted. */
const run = async (page: Page, name: string, answer: (page: Page) => Promise<void>) => {
  const id = unique(name);
  const path = await labSurvey(id, { questions });
  const delivered = watchDelivery(page);
  await page.goto(path);
  await expect(dialog(page)).toHaveAccessibleName('How likely are you to recommend the lab?');
  await answer(page);
  await expect(dialog(page).getByRole('heading', { name: 'Thank you for your feedback!' })).toBeVisible();
  await expect.poll(() => answersOf(delivered, id)).toEqual(expected);
  expect(delivered.rejected).toEqual([]);
  return id;
};

const heading = (page: Page, name: string) => expect(dialog(page).getByRole('heading', { name })).toBeVisible();

test('every question type answered by pointer: mouse on desktop, touch on the phone', async ({ page, isMobile }) => {
  const press = (name: string, role: 'radio' | 'checkbox' | 'button' = 'radio') => {
    const target = dialog(page).getByRole(role, { name, exact: true });
    return isMobile ? target.tap() : target.click();
  };
  const id = await run(page, 'questions-pointer', async () => {
    await press('9');
    await heading(page, 'What do you like most?');
    await dialog(page).getByRole('textbox').fill('The light');
    await press('Send', 'button');
    await heading(page, 'How satisfied are you with the search?');
    await press('4');
    await heading(page, 'How satisfied are you with delivery?');
    await press('5, very satisfied');
    await heading(page, 'The lab made it easy to find a lamp.');
    await press('6');
    await heading(page, 'Rate the photos');
    await press('3');
    await heading(page, 'Which plan are you on?');
    await press('Pro');
    await heading(page, 'What do you use?');
    await press('Search', 'checkbox');
    await press('Export', 'checkbox');
    await press('API', 'checkbox');
    await press('Export', 'checkbox');
    await press('Next', 'button');
    await heading(page, 'Anything else?');
    await dialog(page).getByRole('textbox').fill('Keep going');
    await press('Send', 'button');
  });
  // The NPS answer also reached the stats, for this survey and device.
  const stats = await eventually(
    () => npsStats({ survey: id }),
    (value) => value.n > 0,
  );
  expect(stats).toEqual({ n: 1, promoters: 1, passives: 0, detractors: 0 });
});

test('every question type answered by keyboard only', async ({ page }) => {
  const { keyboard } = page;
  /** Where focus is: the focused element inside the widget, or the page's. */
  const focused = () =>
    page.evaluate(() => {
      const active = document.activeElement;
      const inner = active?.shadowRoot?.activeElement ?? active;
      const name = inner === document.body ? '' : (inner?.getAttribute('aria-label') ?? inner?.textContent);
      return `${inner?.tagName.toLowerCase()}:${name}`;
    });
  /** From a step's heading, which has focus, Tab past the close button into the answers. */
  const enterAnswers = async () => {
    await expect.poll(focused).toMatch(/^h2:/);
    await keyboard.press('Tab');
    await keyboard.press('Tab');
  };
  await run(page, 'questions-keyboard', async () => {
    // The prompt appeared without taking focus; Tab through the page until focus reaches it.
    expect(await focused()).toBe('body:');
    for (let i = 0; i < 20 && !(await focused()).startsWith('button:Close'); i++) await keyboard.press('Tab');
    expect(await focused()).toBe('button:Close');
    await keyboard.press('Tab');
    expect(await focused()).toBe('input:0, not at all likely');
    // Space picks the focused score, arrows move it, Enter confirms it.
    await keyboard.press('Space');
    for (let i = 0; i < 10; i++) await keyboard.press('ArrowRight');
    expect(await focused()).toBe('input:10, extremely likely');
    await keyboard.press('ArrowLeft');
    await keyboard.press('Enter');
    await heading(page, 'What do you like most?');
    expect(await focused()).toBe('h2:What do you like most?');
    await enterAnswers();
    await keyboard.type('The light');
    await keyboard.press('Tab');
    await keyboard.press('Tab');
    expect(await focused()).toBe('button:Send');
    await keyboard.press('Enter');
    await heading(page, 'How satisfied are you with the search?');
    await enterAnswers();
    await keyboard.press('Space');
    for (let i = 0; i < 3; i++) await keyboard.press('ArrowDown');
    await keyboard.press('Enter');
    await heading(page, 'How satisfied are you with delivery?');
    await enterAnswers();
    await keyboard.press('Space');
    for (let i = 0; i < 4; i++) await keyboard.press('ArrowRight');
    expect(await focused()).toBe('input:5, very satisfied');
    // Next confirms too.
    await keyboard.press('Tab');
    expect(await focused()).toBe('button:Next');
    await keyboard.press('Enter');
    await heading(page, 'The lab made it easy to find a lamp.');
    await enterAnswers();
    await keyboard.press('Space');
    for (let i = 0; i < 5; i++) await keyboard.press('ArrowRight');
    await keyboard.press('Enter');
    await heading(page, 'Rate the photos');
    await enterAnswers();
    await keyboard.press('Space');
    for (let i = 0; i < 2; i++) await keyboard.press('ArrowRight');
    await keyboard.press('Enter');
    await heading(page, 'Which plan are you on?');
    await enterAnswers();
    await keyboard.press('ArrowDown');
    expect(await focused()).toBe('input:Pro');
    await keyboard.press('Enter');
    await heading(page, 'What do you use?');
    await enterAnswers();
    await keyboard.press('Space');
    await keyboard.press('Tab');
    await keyboard.press('Tab');
    await keyboard.press('Space');
    expect(await focused()).toBe('input:API');
    await keyboard.press('Enter');
    await heading(page, 'Anything else?');
    await enterAnswers();
    await keyboard.type('Keep going');
    await keyboard.press('Tab');
    await keyboard.press('Tab');
    await keyboard.press('Enter');
  });
});
