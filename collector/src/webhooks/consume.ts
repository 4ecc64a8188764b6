import { Webhook } from 'standardwebhooks';
import { databaseFor } from '../db/databaseFor';
import { listSurveys } from '../db/surveys';
import type { Bindings } from '../env';
import { sha256Hex } from '../lib/sha256Hex';
import { retryAfterSeconds, retryDelay } from './backoff';
import {
  type DeliveryRow,
  type EndpointRow,
  failDelivery,
  getDelivery,
  getEndpoint,
  listEndpoints,
  recordAttempt,
  recordDelivery,
} from './endpoints';
import type { WebhookJob } from './jobs';
import { isDetractor, responseData, responseRows, slackAlertBody, slackBody, standardBody } from './payload';
import type { WebhookEventType } from './schema';
import { unsafeUrl } from './urlSafety';

/** The webhook queue's dead-letter queue (wrangler.jsonc). */
export const WEBHOOK_DEAD_LETTER_QUEUE = 'pulse-webhooks-dlq';

/** How long one attempt may take. */
const TIMEOUT_MS = 10_000;
/** Failing this long, every attempt, disables an endpoint. */
export const DISABLE_AFTER_MS = 5 * 86_400_000;
/** The answer body the delivery log keeps, at most. */
const LOGGED_BODY_CHARS = 1_024;

/** The webhook id of one message of one type about one subject (a response, an alert) to one endpoint: the same on every fan-out and retry. */
export const webhookId = async (endpoint: string, type: WebhookEventType, subject: string) =>
  `msg_${(await sha256Hex(`${endpoint}\n${type}\n${subject}`)).slice(0, 32)}`;

/**
 * Whether an endpoint wants a message: its event type, and its survey and path filters where the message is about a
 * survey or a page (a response is about both; an alert may be about either, or neither).
 */
const wants = (endpoint: EndpointRow, type: WebhookEventType, survey: string | null, path: string | null) =>
  !endpoint.disabled_at &&
  (JSON.parse(endpoint.events) as string[]).includes(type) &&
  (endpoint.survey === null || survey === null || endpoint.survey === survey) &&
  (endpoint.path_prefix === null || path === null || path.startsWith(endpoint.path_prefix));

/**
 * Records one message per endpoint, under the webhook id of its type and subject, with the body `payload` builds for
 * the endpoint's format, and queues the delivery of each message not recorded before.
 */
const recordAndQueue = async (
  env: Bindings,
  site: string,
  type: WebhookEventType,
  subject: string,
  endpoints: EndpointRow[],
  payload: (endpoint: EndpointRow) => string,
  now: number,
) => {
  const deliveries: WebhookJob[] = [];
  for (const endpoint of endpoints) {
    const id = await webhookId(endpoint.id, type, subject);
    const row = { site, endpoint: endpoint.id, id, type, payload: payload(endpoint), created_at: now };
    if (await recordDelivery(databaseFor(env, site), row))
      deliveries.push({ kind: 'deliver', site, endpoint: endpoint.id, id });
  }
  if (deliveries.length) await env.WEBHOOKS.sendBatch(deliveries.map((body) => ({ body })));
};

/**
 * Fans a response out: records one message per endpoint that wants it (its body built now, from the stored answers)
 * and queues the delivery of each new one. A detractor fan-out of a response without a detractor's score sends
 * nothing, nor does one whose answers are not stored (yet, or any more: erased).
 */
const fanout = async (env: Bindings, job: Extract<WebhookJob, { kind: 'fanout' }>, now: number) => {
  const rows = await responseRows(databaseFor(env, job.site), job.site, job.response);
  if (job.type === 'response.detractor' && !rows.some(isDetractor)) return;
  const first = rows.find((row) => row.type === 'survey_answer');
  if (!first) return;
  const endpoints = (await listEndpoints(databaseFor(env, job.site), job.site)).filter((endpoint) =>
    wants(endpoint, job.type, first.survey, first.path),
  );
  if (!endpoints.length) return;
  const name =
    (await listSurveys(databaseFor(env, job.site), job.site)).find((survey) => survey.id === first.survey)?.name ??
    null;
  const data = responseData(job.response, rows, name, env.PUBLIC_URL)!;
  await recordAndQueue(
    env,
    job.site,
    job.type,
    job.response,
    endpoints,
    (endpoint) => (endpoint.format === 'slack' ? slackBody(job.type, data) : standardBody(job.type, data, now)),
    now,
  );
};

/**
 * Fans an alert out: one message per endpoint that wants its type, its survey (a score alert) or its page (a friction
 * alert), the webhook id from the alert's key.
 */
const fanoutAlert = async (env: Bindings, job: Extract<WebhookJob, { kind: 'alert' }>, now: number) => {
  const endpoints = (await listEndpoints(databaseFor(env, job.site), job.site)).filter((endpoint) =>
    wants(endpoint, job.type, job.survey, job.path),
  );
  await recordAndQueue(
    env,
    job.site,
    job.type,
    job.key,
    endpoints,
    (endpoint) =>
      endpoint.format === 'slack'
        ? slackAlertBody(job.type, job.data, env.PUBLIC_URL)
        : standardBody(job.type, job.data, now),
    now,
  );
};

/** Sends a message once: signed, no redirects followed, within the timeout. */
const attempt = async (endpoint: EndpointRow, delivery: DeliveryRow, allowLoopback: boolean) => {
  const at = Date.now();
  const unsafe = unsafeUrl(endpoint.url, allowLoopback);
  if (unsafe) return { at, status: null, latency: 0, error: `url ${unsafe}`, response: null, retryAfter: 0 };
  const timestamp = new Date(at);
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Pulse-Webhooks/1',
        'webhook-id': delivery.id,
        'webhook-timestamp': String(Math.floor(at / 1000)),
        'webhook-signature': new Webhook(endpoint.secret).sign(delivery.id, timestamp, delivery.payload),
      },
      body: delivery.payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = (await response.text()).slice(0, LOGGED_BODY_CHARS);
    const redirected = response.status >= 300 && response.status < 400;
    return {
      at,
      status: response.status,
      latency: Date.now() - at,
      error: redirected ? 'redirects are not followed' : response.ok ? null : `HTTP ${response.status}`,
      response: body || null,
      retryAfter: retryAfterSeconds(response.headers.get('Retry-After'), at),
    };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      at,
      status: null,
      latency: Date.now() - at,
      error: timedOut ? `no answer within ${TIMEOUT_MS / 1000} s` : String(error).slice(0, 300),
      response: null,
      retryAfter: 0,
    };
  }
};

/**
 * Delivers one message: acked once delivered (or when there is nothing left to deliver: a message already delivered,
 * an endpoint deleted or disabled), retried after a failure with the backoff and any `Retry-After`, until the
 * endpoint has failed every attempt for 5 days, which disables it.
 */
const deliver = async (env: Bindings, message: Message<WebhookJob>) => {
  const job = message.body as Extract<WebhookJob, { kind: 'deliver' }>;
  const [endpoint, delivery] = await Promise.all([
    getEndpoint(databaseFor(env, job.site), job.site, job.endpoint),
    getDelivery(databaseFor(env, job.site), job.site, job.endpoint, job.id),
  ]);
  if (!endpoint || !delivery || delivery.status === 'delivered' || endpoint.disabled_at) return message.ack();
  const result = await attempt(endpoint, delivery, env.WEBHOOKS_ALLOW_LOOPBACK === 'true');
  const { retryAfter, ...logged } = result;
  if (!result.error) {
    await recordAttempt(databaseFor(env, job.site), delivery, logged, { status: 'delivered', failingSince: null });
    return message.ack();
  }
  const failingSince = endpoint.failing_since ?? result.at;
  if (result.at - failingSince >= DISABLE_AFTER_MS) {
    const disabled = `every attempt failed for 5 days; the last: ${result.error}`;
    await recordAttempt(databaseFor(env, job.site), delivery, logged, { status: 'failed', failingSince, disabled });
    return message.ack();
  }
  await recordAttempt(databaseFor(env, job.site), delivery, logged, { status: 'pending', failingSince });
  message.retry({ delaySeconds: retryDelay(message.attempts, retryAfter) });
};

/**
 * The webhook queue's consumer: fan-outs and deliveries, each message on its own, so that one slow endpoint holds
 * back no other. What the Queue gave up on (its dead-letter queue) is marked failed, never retried again.
 */
export const consumeWebhooks = async (batch: MessageBatch<WebhookJob>, env: Bindings): Promise<void> => {
  const deadLettered = batch.queue === WEBHOOK_DEAD_LETTER_QUEUE;
  await Promise.all(
    batch.messages.map(async (message) => {
      const job = message.body;
      try {
        if (deadLettered) {
          if (job.kind === 'deliver') await failDelivery(databaseFor(env, job.site), job.site, job.endpoint, job.id);
          else console.error(`webhook ${job.kind} of ${job.site} given up after ${message.attempts} attempts`);
          return message.ack();
        }
        if (job.kind !== 'deliver') {
          await (job.kind === 'fanout' ? fanout(env, job, Date.now()) : fanoutAlert(env, job, Date.now()));
          return message.ack();
        }
        await deliver(env, message);
      } catch (error) {
        console.error(`webhook job ${message.id} failed; it will be retried`, error);
        message.retry({ delaySeconds: retryDelay(message.attempts) });
      }
    }),
  );
};
