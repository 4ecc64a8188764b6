import { expect, test } from '../helpers/site';
import { answersOf, dialog, putSurvey, unique, watchDelivery } from '../helpers/surveys';

test('under script-src self, style-src self and connect-src collector: no violation, and the answer arrives', async ({
  page,
  isMobile,
}) => {
  const id = unique('csp');
  const path = `/csp/${id}`;
  await putSurvey({
    id,
    questions: [
      { id: 'happy', type: 'csat', style: 'stars', text: 'How satisfied are you?' },
      { id: 'more', type: 'text', text: 'Anything else?' },
    ],
    triggers: [{ on: 'pageview' }],
    url: [{ match: 'exact', value: path }],
  });
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { violations: string[] }).violations = violations;
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  const failed: string[] = [];
  page.on('response', (response) => response.status() >= 400 && failed.push(new URL(response.url()).pathname));
  const delivered = watchDelivery(page);

  const response = await page.goto(path);
  expect(response?.headers()['content-security-policy']).toMatch(/^script-src 'self' http:\/\/localhost:\d+;/);
  const star = dialog(page).getByRole('radio', { name: '4', exact: true });
  await (isMobile ? star.tap() : star.click());
  await dialog(page).getByRole('textbox').fill('Strict is fine');
  await dialog(page).getByRole('button', { name: 'Send' }).click();
  await expect(dialog(page)).toHaveAccessibleName('Thank you for your feedback!');
  await expect
    .poll(() => answersOf(delivered, id))
    .toEqual([
      ['happy', 4],
      ['more', 'Strict is fine'],
    ]);
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  // No request failed and nothing reached the console as an error (the demo has a favicon).
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
});
