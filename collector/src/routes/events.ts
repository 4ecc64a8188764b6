import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { PulseEvent } from '@pulse/sdk/protocol';
import type { AppEnv } from '../env';
import { countWithoutEvents, enqueue } from '../ingest/enqueue';
import { normalize } from '../ingest/normalize';
import { ApiError, describeIssues } from '../lib/errors';
import { allowOrigin } from '../middleware/allowOrigin';
import { dropBots } from '../middleware/dropBots';
import { rateLimit } from '../middleware/rateLimit';
import { readBatch } from '../middleware/readBatch';
import { errorResponse } from '../schema/common';
import { EventBatchDocSchema, IngestResultSchema, PulseEventSchema } from '../schema/events';

const route = createRoute({
  method: 'post',
  operationId: 'sendEvents',
  path: '/v1/events',
  security: [],
  tags: ['Ingest'],
  summary: 'Send a batch of events',
  description:
    'At most 100 events and 64 KiB, as `text/plain` JSON so that browsers send it without a preflight. ' +
    "The site's Origin allow-list applies, and rate limits per site and per visitor IP (429 with `Retry-After`). " +
    'Each event is validated on its own: good events are kept even when others are rejected. PII (e-mails, phone ' +
    'numbers, card numbers, IBANs) is scrubbed from free text and URLs before anything is stored. Storage is ' +
    'idempotent by event id, so a batch may be retried safely. Batches from bots and headless browsers are ' +
    'answered 202 with every event rejected, and counted.',
  middleware: [readBatch, allowOrigin, rateLimit, dropBots] as const,
  request: {
    body: { required: true, content: { 'text/plain': { schema: EventBatchDocSchema } } },
  },
  responses: {
    202: {
      description: 'Accepted for storage; `rejected` lists the events refused for good, by index.',
      content: { 'application/json': { schema: IngestResultSchema } },
    },
    400: errorResponse('The body is not JSON, or not a batch.'),
    403: errorResponse('Unknown write key, or an Origin the site does not allow.'),
    413: errorResponse('The body exceeds 64 KiB.'),
    429: {
      ...errorResponse('Over a rate limit; retry after the `Retry-After` seconds.'),
      headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', example: 42 } } },
    },
    503: errorResponse('Storage is unavailable; retry later.'),
  },
});

/** `POST /v1/events`: the write path. It validates, scrubs and queues; it never waits on D1 to store. */
export const events = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const received = Date.now();
  const site = c.get('site');
  const batch = c.get('batch');
  const valid: PulseEvent[] = [];
  const rejected: { index: number; reason: string }[] = [];
  batch.events.forEach((candidate, index) => {
    const parsed = PulseEventSchema.safeParse(candidate);
    if (parsed.success) valid.push(parsed.data as PulseEvent);
    else rejected.push({ index, reason: describeIssues(parsed.error.issues) });
  });
  const accepted = await Promise.all(valid.map((event) => normalize(event, received)));

  const counts = { rejected: rejected.length, dropped: batch.dropped ?? 0 };
  const waitUntil = (promise: Promise<unknown>) => c.executionCtx.waitUntil(promise);
  if (accepted.length) {
    try {
      await enqueue(c.env.EVENTS, site.id, received, accepted, waitUntil, counts);
    } catch {
      throw new ApiError(503, 'unavailable', 'Storage is unavailable; retry later.', { 'Retry-After': '5' });
    }
  } else countWithoutEvents(c.env.EVENTS, site.id, counts, waitUntil, received);
  return c.json({ accepted: accepted.length, rejected }, 202);
});
