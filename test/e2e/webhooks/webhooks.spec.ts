import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { eventually } from '../helpers/collector';
import { ADMIN_TOKEN, COLLECTOR } from '../helpers/ports.mjs';
import { expect, site, test } from '../helpers/site';
import { dialog, flush, labSurvey, unique } from '../helpers/surveys';

/** A receiver on loopback that answers 500 to the first request and 200 after, and keeps every request. */
const receiver = async () => {
  const requests: { headers: IncomingHttpHeaders; body: string; answered: number }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const answered = requests.length ? 200 : 500;
      requests.push({ headers: request.headers, body, answered });
      response.writeHead(answered).end(answered === 200 ? 'ok' : 'try again');
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    requests,
    close: () => server.close(),
  };
};

/** Calls the admin API of the demo site's webhooks. */
const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${COLLECTOR}/v1/admin/sites/${site().id}/webhooks${path}`, {
    method,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

test('a detractor with a follow-up reaches a signed webhook once, though the receiver failed the first attempt', async ({
  page,
}) => {
  const id = unique('webhook-detractor');
  const hook = await receiver();
  const created = await admin('POST', '', { url: hook.url, events: ['response.detractor'], survey: id });
  expect(created.status).toBe(201);
  const endpoint = (await created.json()) as { id: string; secret: string };
  try {
    await page.goto(
      await labSurvey(id, {
        questions: [
          {
            id: 'score',
            type: 'nps',
            text: 'How likely are you to recommend the lab?',
            followUp: [{ text: 'What is the main reason?' }],
          },
        ],
      }),
    );
    await dialog(page).getByRole('radio', { name: '3', exact: true }).click();
    await dialog(page).getByRole('textbox').fill('The checkout kept failing');
    await dialog(page).getByRole('button', { name: 'Send' }).click();
    await flush(page);

    // Stored, fanned out, refused once with a 500, sent again after the first backoff step (about 5 s).
    const requests = await eventually(
      async () => hook.requests,
      (all) => all.some((request) => request.answered === 200),
      45_000,
    );
    expect(requests.map((request) => request.answered)).toEqual([500, 200]);
    const ids = new Set(requests.map((request) => request.headers['webhook-id']));
    expect(ids.size).toBe(1);
    const delivered = requests[1]!;
    const payload = new Webhook(endpoint.secret).verify(delivered.body, delivered.headers as Record<string, string>);
    expect(payload).toMatchObject({
      type: 'response.detractor',
      data: {
        survey: { id },
        answers: [
          { question: 'score', kind: 'nps', value: 3 },
          { question: 'score.followup', kind: 'text', value: 'The checkout kept failing' },
        ],
      },
    });

    // The log says the same, and nothing else arrives: the 5-minute fan-out of the score finds it delivered.
    const log = await (await admin('GET', `/${endpoint.id}/attempts`)).json();
    expect(log.attempts.map((attempt: { status: number }) => attempt.status)).toEqual([200, 500]);
    await page.waitForTimeout(3000);
    expect(hook.requests).toHaveLength(2);
  } finally {
    await admin('DELETE', `/${endpoint.id}`);
    hook.close();
  }
});
