import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bindings } from '../src/env';
import { consume } from '../src/ingest/consume';
import { retention, WEBHOOK_MESSAGES_KEPT_MS } from '../src/retention';
import { RETRY_SCHEDULE, retryAfterSeconds, retryDelay } from '../src/webhooks/backoff';
import { consumeWebhooks, DISABLE_AFTER_MS, WEBHOOK_DEAD_LETTER_QUEUE, webhookId } from '../src/webhooks/consume';
import { FOLLOW_UP_WAIT_SECONDS, jobsOf, type WebhookJob } from '../src/webhooks/jobs';
import { slackEscape } from '../src/webhooks/payload';
import { unsafeUrl } from '../src/webhooks/urlSafety';
import { ADMIN, call, createSite, delivery, npsAnswer, recordingQueue, surveyAnswer } from './helpers';

const json = (body: unknown) => ({
  headers: { ...ADMIN, 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

let counter = 0;
/** Runs the webhook consumer on jobs, as their `attempts`-th delivery, and tells what became of each. */
const runJobs = async (testEnv: Bindings, jobs: WebhookJob[], attempts = 1, queue = 'pulse-webhooks') => {
  const batch = createMessageBatch<WebhookJob>(
    queue,
    jobs.map((body) => ({ id: `w-${++counter}`, timestamp: new Date(), attempts, body })),
  );
  // The Queue's result names the retried messages but not their delay: each retry's options are kept here.
  const delays: (number | undefined)[] = [];
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    message.retry = (options) => {
      delays.push(options?.delaySeconds);
      retry(options);
    };
  }
  const ctx = createExecutionContext();
  await consumeWebhooks(batch, testEnv);
  return { ...(await getQueueResult(batch, ctx)), delays };
};

/** Stores events through the storage consumer, with the webhook queue recorded. */
const store = async (testEnv: Bindings, site: string, events: ReturnType<typeof npsAnswer>[]) => {
  const batch = createMessageBatch('pulse-events', [
    { id: `i-${++counter}`, timestamp: new Date(), attempts: 1, body: await delivery(site, events) },
  ]);
  await consume(batch as never, testEnv);
};

const createEndpoint = async (site: string, body: Record<string, unknown>) => {
  const response = await call(`/v1/admin/sites/${site}/webhooks`, { method: 'POST', ...json(body) });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string; secret: string };
};

/** Answers every fetch the consumer makes with `answer`, and keeps the requests. */
const stubFetch = (...answers: (() => Response)[]) => {
  const requests: { url: string; headers: Record<string, string>; body: string }[] = [];
  let calls = 0;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    requests.push({
      url,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: String(init.body),
    });
    return answers[Math.min(calls++, answers.length - 1)]!();
  });
  return requests;
};

afterEach(() => vi.unstubAllGlobals());

describe('webhook URL safety', () => {
  it.each([
    ['http://example.com/hook', 'must be https'],
    ['https://user:secret@example.com/hook', 'must not carry credentials'],
    ['https://localhost/hook', 'must not be a loopback address'],
    ['https://127.0.0.1/hook', 'must not be a loopback address'],
    ['https://2130706433/hook', 'must not be a loopback address'],
    ['https://[::1]/hook', 'must not be a loopback address'],
    ['https://10.1.2.3/hook', 'private'],
    ['https://172.16.5.4/hook', 'private'],
    ['https://192.168.1.1/hook', 'private'],
    ['https://100.64.0.1/hook', 'private'],
    ['https://0.0.0.0/hook', 'private'],
    ['https://169.254.169.254/latest/meta-data', 'private'],
    ['https://metadata.google.internal/computeMetadata', 'private'],
    ['https://printer.local/hook', 'private'],
    ['https://[fe80::1]/hook', 'private'],
    ['https://[fd12:3456::1]/hook', 'private'],
    ['https://[::ffff:10.0.0.1]/hook', 'private'],
    ['https://[64:ff9b::a00:1]/hook', 'private'],
    ['https://224.0.0.1/hook', 'private'],
    ['not a url', 'must be an absolute URL'],
  ])('refuses %s', (url, reason) => {
    expect(unsafeUrl(url, false)).toContain(reason);
  });

  it('allows public https addresses, and loopback only when local development allows it', () => {
    for (const url of ['https://example.com/hook', 'https://8.8.8.8/x', 'https://[2606:4700::1111]/x'])
      expect(unsafeUrl(url, false)).toBeUndefined();
    for (const url of ['http://localhost:9999/hook', 'http://127.0.0.1:9/x', 'http://[::1]:8080/'])
      expect(unsafeUrl(url, true)).toBeUndefined();
    expect(unsafeUrl('http://example.com/hook', true)).toBe('must be https');
    expect(unsafeUrl('https://10.0.0.1/hook', true)).toContain('private');
  });
});

describe('webhook endpoints (admin API)', () => {
  it('shows the secret once, lists without it, and changes, rotates and deletes an endpoint', async () => {
    await createSite('wh-admin');
    const created = await createEndpoint('wh-admin', { url: 'https://example.com/a', events: ['response.completed'] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const list = await (await call('/v1/admin/sites/wh-admin/webhooks', { headers: ADMIN })).json<{
      endpoints: object[];
    }>();
    expect(list.endpoints).toEqual([
      expect.objectContaining({ id: created.id, url: 'https://example.com/a', format: 'standard', disabled: null }),
    ]);
    expect(JSON.stringify(list)).not.toContain('whsec_');

    const patched = await call(`/v1/admin/sites/wh-admin/webhooks/${created.id}`, {
      method: 'PATCH',
      ...json({ events: ['response.detractor'], survey: 'nps', pathPrefix: '/checkout' }),
    });
    expect(await patched.json()).toMatchObject({
      events: ['response.detractor'],
      survey: 'nps',
      pathPrefix: '/checkout',
    });
    const rotated = await (
      await call(`/v1/admin/sites/wh-admin/webhooks/${created.id}/rotate`, { method: 'POST', headers: ADMIN })
    ).json<{ secret: string }>();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);

    expect(
      (await call(`/v1/admin/sites/wh-admin/webhooks/${created.id}`, { method: 'DELETE', headers: ADMIN })).status,
    ).toBe(204);
    expect(
      (await call(`/v1/admin/sites/wh-admin/webhooks/${created.id}`, { method: 'DELETE', headers: ADMIN })).status,
    ).toBe(404);
  });

  it('refuses an unsafe URL, an unknown event type and an unknown field, naming each', async () => {
    await createSite('wh-refuse');
    const refused = async (body: unknown) => {
      const response = await call('/v1/admin/sites/wh-refuse/webhooks', { method: 'POST', ...json(body) });
      expect(response.status).toBe(400);
      return (await response.json<{ error: { message: string } }>()).error.message;
    };
    expect(await refused({ url: 'https://169.254.169.254/', events: ['response.completed'] })).toMatch(
      /^url: must not be a private/,
    );
    expect(await refused({ url: 'http://localhost:8080/', events: ['response.completed'] })).toBe('url: must be https');
    expect(await refused({ url: 'https://example.com/', events: ['digest.daily'] })).toMatch(/^events\.0:/);
    expect(await refused({ url: 'https://example.com/', events: ['response.completed'], secret: 'x' })).toMatch(
      /secret/,
    );
  });
});

describe('webhook delivery', () => {
  it('fans a detractor out once, signs it, retries a 500 with the same webhook id, and logs every attempt', async () => {
    await createSite('wh-flow');
    const hook = await createEndpoint('wh-flow', {
      url: 'https://hooks.example.com/pulse',
      events: ['response.detractor'],
    });
    const slack = await createEndpoint('wh-flow', {
      url: 'https://hooks.slack.com/services/T0/B0/x',
      events: ['response.completed'],
      format: 'slack',
    });
    const { messages: sent, env: testEnv } = recordingQueue();
    const tag = { survey: 'nps', response: 'r-flow', visitor: 'v-flow-secret' };
    await store(testEnv, 'wh-flow', [
      npsAnswer(3, tag),
      surveyAnswer('text', 'The <!channel> checkout @here broke <https://evil.example|twice>', {
        ...tag,
        question: 'score.followup',
      }),
      { ...npsAnswer(3, tag), type: 'survey_completed' } as never,
    ]);
    // The score waits for its follow-up; the follow-up and the completion go at once.
    expect(sent.map(({ body, delaySeconds }) => [body.kind === 'fanout' && body.type, delaySeconds ?? 0])).toEqual([
      ['response.detractor', FOLLOW_UP_WAIT_SECONDS],
      ['response.detractor', 0],
      ['response.completed', 0],
    ]);

    const fanouts = sent.splice(0).map(({ body }) => body);
    await runJobs(testEnv, [fanouts[1]!, fanouts[2]!]);
    const id = await webhookId(hook.id, 'response.detractor', 'r-flow');
    expect(sent.map(({ body }) => body)).toEqual([
      { kind: 'deliver', site: 'wh-flow', endpoint: hook.id, id },
      {
        kind: 'deliver',
        site: 'wh-flow',
        endpoint: slack.id,
        id: await webhookId(slack.id, 'response.completed', 'r-flow'),
      },
    ]);
    const [toHook, toSlack] = sent.splice(0).map(({ body }) => body);

    // A 500 first: retried after the schedule's first step, give or take the jitter.
    const requests = stubFetch(
      () => new Response('down', { status: 500 }),
      () => new Response('ok', { status: 200 }),
    );
    const failed = await runJobs(testEnv, [toHook!]);
    expect(failed.retryMessages).toHaveLength(1);
    expect(failed.delays[0]).toBeGreaterThanOrEqual(4);
    expect(failed.delays[0]).toBeLessThanOrEqual(6);
    const delivered = await runJobs(testEnv, [toHook!], 2);
    expect(delivered.explicitAcks).toHaveLength(1);
    // Delivered: a later fan-out of the same response (the 5-minute one) sends nothing more.
    await runJobs(testEnv, [fanouts[0]!]);
    expect(sent).toEqual([]);
    expect(await runJobs(testEnv, [toHook!], 3)).toMatchObject({ retryMessages: [] });
    expect(requests).toHaveLength(2);

    const [first, second] = requests;
    expect(first!.headers['webhook-id']).toBe(id);
    expect(second!.headers['webhook-id']).toBe(id);
    expect(second!.body).toBe(first!.body);
    const verified = new Webhook(
      (
        await (
          await call(`/v1/admin/sites/wh-flow/webhooks/${hook.id}/rotate`, { method: 'POST', headers: ADMIN })
        ).json<{ secret: string }>()
      ).secret,
    );
    // Signed with the secret of its time: the rotated one no longer verifies it, the original does.
    expect(() => verified.verify(second!.body, second!.headers)).toThrow();
    const { data, type } = JSON.parse(second!.body);
    expect(type).toBe('response.detractor');
    expect(data).toMatchObject({
      survey: { id: 'nps' },
      response: 'r-flow',
      completed: true,
      answers: [
        { question: 'score', kind: 'nps', value: 3 },
        { question: 'score.followup', kind: 'text', value: expect.stringContaining('checkout') },
      ],
    });
    expect(second!.body).not.toContain('v-flow-secret');

    const log = await (await call(`/v1/admin/sites/wh-flow/webhooks/${hook.id}/attempts`, { headers: ADMIN })).json<{
      attempts: { status: number; error: string | null; delivery: string }[];
    }>();
    expect(log.attempts.map(({ status, error }) => [status, error])).toEqual([
      [200, null],
      [500, 'HTTP 500'],
    ]);

    // The Slack message: Block Kit, the visitor's text unable to mention anyone or link anywhere.
    const slackRequests = stubFetch(() => new Response('ok'));
    await runJobs(testEnv, [toSlack!]);
    const message = JSON.parse(slackRequests[0]!.body);
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    const text = JSON.stringify(message);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<https://evil');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('@\u200dhere');
  });

  it('verifies with the secret the endpoint was created with', async () => {
    await createSite('wh-sign');
    const hook = await createEndpoint('wh-sign', {
      url: 'https://hooks.example.com/x',
      events: ['response.completed'],
    });
    const { messages: sent, env: testEnv } = recordingQueue();
    const tag = { survey: 'csat', response: 'r-sign' };
    await store(testEnv, 'wh-sign', [
      surveyAnswer('csat', 5, tag),
      { ...surveyAnswer('csat', 5, tag), type: 'survey_completed' } as never,
    ]);
    await runJobs(
      testEnv,
      sent.splice(0).map(({ body }) => body),
    );
    const requests = stubFetch(() => new Response(null, { status: 204 }));
    await runJobs(
      testEnv,
      sent.splice(0).map(({ body }) => body),
    );
    expect(new Webhook(hook.secret).verify(requests[0]!.body, requests[0]!.headers)).toMatchObject({
      type: 'response.completed',
      data: { answers: [{ kind: 'csat', value: 5 }] },
    });
  });

  it('waits as long as Retry-After asks, treats a redirect as a failure, and sends nothing for filtered or erased responses', async () => {
    await createSite('wh-edge');
    await createEndpoint('wh-edge', {
      url: 'https://hooks.example.com/y',
      events: ['response.completed'],
      pathPrefix: '/pricing',
    });
    await createEndpoint('wh-edge', {
      url: 'https://hooks.example.com/z',
      events: ['response.completed'],
      survey: 'other',
    });
    const { messages: sent, env: testEnv } = recordingQueue();
    const done = (response: string, extra = {}) => [
      npsAnswer(9, { response, ...extra }),
      { ...npsAnswer(9, { response, ...extra }), type: 'survey_completed' } as never,
    ];
    await store(testEnv, 'wh-edge', [...done('r-edge'), ...done('r-elsewhere', { url: '/about' })]);
    await runJobs(
      testEnv,
      sent.splice(0).map(({ body }) => body),
    );
    // Only /pricing matches the first endpoint's prefix, and no answer is to the second's survey.
    expect(sent).toHaveLength(1);
    const [job] = sent.splice(0).map(({ body }) => body);

    stubFetch(() => new Response('slow down', { status: 503, headers: { 'Retry-After': '120' } }));
    const limited = await runJobs(testEnv, [job!]);
    expect(limited.delays[0]).toBeGreaterThanOrEqual(120);
    stubFetch(() => new Response(null, { status: 302, headers: { Location: 'https://169.254.169.254/' } }));
    const redirected = await runJobs(testEnv, [job!], 2);
    expect(redirected.retryMessages).toHaveLength(1);

    // Erased before its fan-out: nothing is sent about a respondent who asked to be forgotten.
    await store(testEnv, 'wh-edge', done('r-erased', { visitor: 'v-erase-me' }));
    const pending = sent.splice(0).map(({ body }) => body);
    expect((await call('/v1/sites/wh-edge/respondents/v-erase-me', { method: 'DELETE', headers: ADMIN })).status).toBe(
      200,
    );
    await runJobs(testEnv, pending);
    expect(sent).toEqual([]);
  });

  it('disables an endpoint that failed every attempt for 5 days, marks what the Queue gave up on, and replays', async () => {
    await createSite('wh-disable');
    const hook = await createEndpoint('wh-disable', {
      url: 'https://hooks.example.com/d',
      events: ['response.completed'],
    });
    const { messages: sent, env: testEnv } = recordingQueue();
    const tag = { response: 'r-disable' };
    await store(testEnv, 'wh-disable', [
      npsAnswer(8, tag),
      { ...npsAnswer(8, tag), type: 'survey_completed' } as never,
    ]);
    await runJobs(
      testEnv,
      sent.splice(0).map(({ body }) => body),
    );
    const [job] = sent.splice(0).map(({ body }) => body);
    await env.DB.prepare('UPDATE webhook_endpoints SET failing_since = ? WHERE id = ?')
      .bind(Date.now() - DISABLE_AFTER_MS - 1, hook.id)
      .run();
    stubFetch(() => new Response('gone', { status: 410 }));
    expect((await runJobs(testEnv, [job!], 7)).explicitAcks).toHaveLength(1);
    const listed = await (await call('/v1/admin/sites/wh-disable/webhooks', { headers: ADMIN })).json<{
      endpoints: { disabled: { reason: string } | null }[];
    }>();
    expect(listed.endpoints[0]!.disabled!.reason).toMatch(/^every attempt failed for 5 days; the last: HTTP 410/);

    const enabled = await call(`/v1/admin/sites/wh-disable/webhooks/${hook.id}`, {
      method: 'PATCH',
      ...json({ enabled: true }),
    });
    expect(await enabled.json()).toMatchObject({ disabled: null });

    // The dead-letter queue: the message is failed for good, and a replay sends it again under the same id.
    await runJobs(testEnv, [job!], 11, WEBHOOK_DEAD_LETTER_QUEUE);
    const status = () =>
      env.DB.prepare('SELECT status FROM webhook_deliveries WHERE endpoint = ?')
        .bind(hook.id)
        .first<{ status: string }>();
    expect(await status()).toEqual({ status: 'failed' });
    const replay = await call(`/v1/admin/sites/wh-disable/webhooks/${hook.id}/replay`, {
      method: 'POST',
      ...json({ delivery: (job as { id: string }).id }),
    });
    expect(await replay.json()).toEqual({ queued: 1 });
    expect(await status()).toEqual({ status: 'pending' });
    const missing = await call(`/v1/admin/sites/wh-disable/webhooks/${hook.id}/replay`, {
      method: 'POST',
      ...json({ delivery: 'msg_nope' }),
    });
    expect(missing.status).toBe(404);
  });
});

describe('webhook backoff', () => {
  it('spreads about a day of retries, with jitter, and honours Retry-After', () => {
    const total = RETRY_SCHEDULE.reduce((sum, seconds) => sum + seconds, 0);
    expect(total / 3600).toBeGreaterThan(20);
    expect(total / 3600).toBeLessThan(24);
    expect(retryDelay(1, 0, 0)).toBe(4);
    expect(retryDelay(1, 0, 1)).toBe(6);
    expect(retryDelay(10, 0, 0.5)).toBe(28_800);
    expect(retryDelay(2, 900, 0.5)).toBe(900);
    expect(retryAfterSeconds('120')).toBe(120);
    expect(retryAfterSeconds(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(55);
    expect(retryAfterSeconds('soon')).toBe(0);
  });

  it('asks for fan-outs only for survey events that call for one', () => {
    const event = (type: string, kind: string | null, value: number | null) =>
      ({ type, kind, value, response: 'r' }) as never;
    expect(
      jobsOf('s', [event('pageview', null, null), event('survey_answer', 'nps', 7), event('survey_answer', 'csat', 3)]),
    ).toEqual([]);
    expect(jobsOf('s', [event('survey_answer', 'csat', 2)]).map((job) => job.delaySeconds)).toEqual([
      FOLLOW_UP_WAIT_SECONDS,
    ]);
  });

  it('escapes what Slack would read as markup', () => {
    expect(slackEscape('<!here> & <@U1> *bold*')).toBe('&lt;!here&gt; &amp; &lt;@\u200dU1&gt; *\u200dbold*\u200d');
  });
});

describe('webhook messages', () => {
  it('are forgotten by the retention cron 90 days after they were created, once their delivery is over', async () => {
    const now = Date.UTC(2026, 11, 1);
    const old = now - WEBHOOK_MESSAGES_KEPT_MS - 1;
    const row = (id: string, status: string, createdAt: number) =>
      env.DB.prepare(
        `INSERT INTO webhook_deliveries (site, endpoint, id, type, payload, created_at, status)
         VALUES ('kept-messages', 'ep_1', ?, 'response.completed', '{}', ?, ?)`,
      ).bind(id, createdAt, status);
    await env.DB.batch([
      row('msg_old_delivered', 'delivered', old),
      row('msg_old_failed', 'failed', old),
      row('msg_old_pending', 'pending', old),
      row('msg_recent', 'delivered', now - 89 * 86_400_000),
    ]);
    await retention(createScheduledController({ scheduledTime: now }), env as unknown as Bindings);
    const { results } = await env.DB.prepare(
      "SELECT id FROM webhook_deliveries WHERE site = 'kept-messages' ORDER BY id",
    ).all<{ id: string }>();
    expect(results.map((kept) => kept.id)).toEqual(['msg_old_pending', 'msg_recent']);
  });
});
