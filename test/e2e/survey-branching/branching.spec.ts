import type { Page } from '@playwright/test';
import type { Question } from '@pulse/sdk/protocol';
import { expect, test } from '../helpers/site';
import { answersOf, dialog, labSurvey, unique, watchDelivery } from '../helpers/surveys';

/**
 * A detractor is asked what to fix and whether they contacted support; a passive goes on to the effort question
 * in order; a promoter is asked what they like, then the survey ends.
 */
const questions: Question[] = [
  {
    id: 'score',
    type: 'nps',
    text: 'How likely are you to recommend the lab?',
    followUp: [
      { max: 6, text: 'What should we fix first?' },
      { min: 9, text: 'What do you like most?' },
    ],
    branch: [
      { max: 6, goto: 'support' },
      { min: 9, goto: 'end' },
    ],
  },
  { id: 'effort', type: 'ces', text: 'The lab made it easy to find a lamp.' },
  { id: 'support', type: 'single', text: 'Did you contact support?', options: ['Yes', 'No'] },
];

const paths: { name: string; steps: [heading: string, answer: string | { text: string }][] }[] = [
  {
    name: 'detractor',
    steps: [
      ['How likely are you to recommend the lab?', '3'],
      ['What should we fix first?', { text: 'Search' }],
      ['Did you contact support?', 'Yes'],
    ],
  },
  {
    name: 'passive',
    steps: [
      ['How likely are you to recommend the lab?', '8'],
      ['The lab made it easy to find a lamp.', '5'],
      ['Did you contact support?', 'No'],
    ],
  },
  {
    name: 'promoter',
    steps: [
      ['How likely are you to recommend the lab?', '10, extremely likely'],
      ['What do you like most?', { text: 'The light' }],
    ],
  },
];

const expected: Record<string, [string, unknown][]> = {
  detractor: [
    ['score', 3],
    ['score.followup', 'Search'],
    ['support', 'Yes'],
  ],
  passive: [
    ['score', 8],
    ['effort', 5],
    ['support', 'No'],
  ],
  promoter: [
    ['score', 10],
    ['score.followup', 'The light'],
  ],
};

for (const { name, steps } of paths) {
  test(`a ${name} follows the branch for their score`, async ({ page, isMobile }) => {
    const id = unique(`branching-${name}`);
    const delivered = watchDelivery(page);
    await page.goto(await labSurvey(id, { questions }));
    const press = (target: ReturnType<Page['locator']>) => (isMobile ? target.tap() : target.click());
    for (const [heading, answer] of steps) {
      await expect(dialog(page)).toHaveAccessibleName(heading);
      if (typeof answer === 'string') await press(dialog(page).getByRole('radio', { name: answer, exact: true }));
      else {
        await dialog(page).getByRole('textbox').fill(answer.text);
        await press(dialog(page).getByRole('button', { name: 'Send' }));
      }
    }
    await expect(dialog(page)).toHaveAccessibleName('Thank you for your feedback!');
    await expect.poll(() => answersOf(delivered, id)).toEqual(expected[name]);
    // The thank-you step closes by itself.
    await expect(dialog(page)).toHaveCount(0, { timeout: 6000 });
  });
}
