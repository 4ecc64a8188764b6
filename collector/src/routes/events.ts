import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { PulseEvent } from '@pulse/sdk/protocol';
import { bodyLimit } from 'hono/body-limit';
import { findSite, siteOrigins } from '../db/sites';
import type { AppEnv, IngestMessage } from '../env';
import { normalize } from '../ingest/normalize';
import { ApiError } from '../lib/errors';
import { errorResponse } from '../schema/common';
import { EventBatchSchema, IngestResultSchema, PulseEventSchema } from '../schema/events';

/** The largest body the write path reads: the SDK splits its batches below it. */
export const MAX_BODY_BYTES = 64 * 1024;

const route = createRoute({
  method: 'post',
  path: '/v1/events',
  tags: ['Ingest'],
  summary: 'Send a batch of events',
  description:
    'At most 100 events and 64 KiB, as `text/plain` JSON so that browsers send it without a preflight. ' +
    'Each event is validated on its own: good events are kept even when others are rejected. ' +
    'Storage is idempotent by event id, so a batch may be retried safely.',
  middleware: [
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'too_large', `The body exceeds ${MAX_BODY_BYTES} bytes; send smaller batches.`);
      },
    }),
  ] as const,
  request: {
    body: { required: true, content: { 'text/plain': { schema: EventBatchSchema } } },
  },
  responses: {
    202: {
      description: 'Accepted for storage; `rejected` lists the events refused for good, by index.',
      content: { 'application/json': { schema: IngestResultSchema } },
    },
    400: errorResponse('The body is not JSON, or not a batch.'),
    403: errorResponse('Unknown write key, or an Origin the site does not allow.'),
    413: errorResponse('The body exceeds 64 KiB.'),
    503: errorResponse('Storage is unavailable; retry later.'),
  },
});

/** Explains the first problem zod found, as `path: message`. */
const reasonOf = (issues: { path: PropertyKey[]; message: string }[]): string => {
  const [issue] = issues;
  if (!issue) return 'invalid event';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
};

/** `POST /v1/events`: the write path. */
export const events = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const received = Date.now();
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  const batch = EventBatchSchema.safeParse(body);
  if (!batch.success) throw new ApiError(400, 'invalid_batch', reasonOf(batch.error.issues));

  const site = batch.data.site.startsWith('pk_') ? await findSite(c.env.DB, batch.data.site) : null;
  if (!site) throw new ApiError(403, 'invalid_site_key', 'No site has this write key.');
  const origins = siteOrigins(site);
  const origin = c.req.header('origin');
  if (origins.length && !(origin && origins.includes(origin)))
    throw new ApiError(
      403,
      'origin_not_allowed',
      `This site does not accept events from ${origin ?? 'a request without an Origin'}.`,
    );

  const accepted: IngestMessage['events'] = [];
  const rejected: { index: number; reason: string }[] = [];
  batch.data.events.forEach((candidate, index) => {
    const parsed = PulseEventSchema.safeParse(candidate);
    if (parsed.success) accepted.push(normalize(parsed.data as PulseEvent, received));
    else rejected.push({ index, reason: reasonOf(parsed.error.issues) });
  });

  if (accepted.length || batch.data.dropped) {
    try {
      await c.env.EVENTS.send({ site: site.id, received, events: accepted, dropped: batch.data.dropped });
    } catch {
      throw new ApiError(503, 'unavailable', 'Storage is unavailable; retry later.', { 'Retry-After': '5' });
    }
  }
  return c.json({ accepted: accepted.length, rejected }, 202);
});
