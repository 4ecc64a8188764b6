import type { Page } from '@playwright/test';
import { hash } from '../../../sdk/src/lib/hash';
import { expect, test } from '../helpers/site';
import { expectNoSurvey, labSurvey, settle, unique } from '../helpers/surveys';

/** The first visitor id (`visitor-N`) whose sticky coin for this survey falls inside or outside the sample. */
const visitorWhere = (survey: string, sample: number, inside: boolean) => {
  for (let i = 0; ; i++) if (hash(`visitor-${i}:${survey}`) < sample === inside) return `visitor-${i}`;
};

/**
 * Loads the page three times as this visitor, forgetting the prompt history each time (so that no throttle
 * applies, only the sample), and checks that the survey shows every time, or never.
 */
const expectSameDecision = async (page: Page, path: string, survey: string, visitor: string, shows: boolean) => {
  await page.addInitScript((id) => {
    const stored = JSON.parse(localStorage.getItem('pulse:id') ?? 'null');
    localStorage.setItem(
      'pulse:id',
      JSON.stringify({ session: 's', visits: 1, ...stored, visitor: id, last: Date.now() }),
    );
    localStorage.removeItem('pulse:sv');
  }, visitor);
  for (let load = 0; load < 3; load++) {
    await page.goto(path);
    if (shows) await expect(page.getByRole('dialog', { name: `Survey ${survey}` })).toBeVisible();
    else {
      await settle(page);
      await expectNoSurvey(page);
    }
  }
};

for (const inside of [true, false]) {
  test(`sticky sampling: a visitor ${inside ? 'inside' : 'outside'} the 30 % sample gets the same answer on every page`, async ({
    page,
  }) => {
    const id = unique('sampling');
    const path = await labSurvey(id, {
      sample: 0.3,
      questions: [{ id: 'score', type: 'nps', text: `Survey ${id}` }],
    });
    await expectSameDecision(page, path, id, visitorWhere(id, 0.3, inside), inside);
  });
}
