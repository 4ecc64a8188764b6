import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { databaseFor } from '../db/databaseFor';
import { listQuarantine, replayQuarantine } from '../db/quarantine';
import { requireSite } from '../db/sites';
import type { AppEnv } from '../env';
import { requireAdmin } from '../middleware/auth';
import { ADMIN_ERRORS, ADMIN_TOKEN, errorResponse, SiteParamSchema } from '../schema/common';

/** Quarantined events one call lists or replays at most. */
const PAGE = 100;

const eventId = z.string().min(1).max(64);

const QuarantinedEventSchema = z
  .object({
    id: z.string().openapi({ description: 'The event id.' }),
    received: z.number().openapi({ description: 'When the collector received it, epoch ms.' }),
    reason: z.string().openapi({ description: 'Why storing it failed, the last time it was tried.' }),
    attempts: z.number().int().openapi({ description: 'Delivery attempts before it was quarantined.' }),
    quarantinedAt: z.number(),
    event: z.record(z.string(), z.unknown()).openapi({ description: 'The event as it would have been stored.' }),
  })
  .openapi('QuarantinedEvent');

const listRoute = createRoute({
  method: 'get',
  operationId: 'listQuarantine',
  path: '/v1/admin/sites/{site}/quarantine',
  tags: ['Admin'],
  summary: 'List events held in quarantine',
  description:
    'Events the consumer accepted but could not store (an insert that failed beside good events, or a delivery ' +
    'the Queue dead-lettered), with the reason. They are kept, never dropped, and counted as `quarantined` in ' +
    '`stats/ingest`. At most 100 a page, in id order; pass the last id as `after` for the next page.',
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: {
    params: SiteParamSchema,
    query: z.object({ after: eventId.optional().openapi({ description: 'List the ids after this one.' }) }),
  },
  responses: {
    200: {
      description: 'A page of quarantined events.',
      content: {
        'application/json': {
          schema: z
            .object({ events: z.array(QuarantinedEventSchema), next: z.string().nullable() })
            .openapi('QuarantinePage', {
              example: {
                events: [
                  {
                    id: '01936c5e-7b8a-7cde-8f01-23456789abcd',
                    received: 1764000000000,
                    reason: 'D1_ERROR: UNIQUE constraint failed',
                    attempts: 3,
                    quarantinedAt: 1764000012000,
                    event: { id: '01936c5e-7b8a-7cde-8f01-23456789abcd', type: 'survey_answer' },
                  },
                ],
                next: null,
              },
            }),
        },
      },
    },
    404: errorResponse('No such site.'),
    ...ADMIN_ERRORS,
  },
});

const replayRoute = createRoute({
  method: 'post',
  operationId: 'replayQuarantine',
  path: '/v1/admin/sites/{site}/quarantine/replay',
  tags: ['Admin'],
  summary: 'Store quarantined events again',
  description:
    'Tries each event again, in a transaction of its own. One that stores leaves quarantine (and counts as stored, ' +
    'once: storage stays idempotent); one that fails again stays with the new reason. Without `ids`, the first ' +
    '100 are replayed.',
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: {
    params: SiteParamSchema,
    body: {
      required: false,
      content: { 'application/json': { schema: z.object({ ids: z.array(eventId).min(1).max(PAGE).optional() }) } },
    },
  },
  responses: {
    200: {
      description: 'What was stored, and what failed again.',
      content: {
        'application/json': {
          schema: z
            .object({
              replayed: z.array(z.string()),
              failed: z.array(z.object({ id: z.string(), reason: z.string() })),
            })
            .openapi('QuarantineReplay', {
              example: { replayed: ['01936c5e-7b8a-7cde-8f01-23456789abcd'], failed: [] },
            }),
        },
      },
    },
    400: errorResponse('Invalid body.'),
    404: errorResponse('No such site.'),
    ...ADMIN_ERRORS,
  },
});

/** `/v1/admin/sites/:site/quarantine…`: the events the consumer could not store, listed and replayed. */
export const quarantine = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const site = await requireSite(c.env.DB, c.req.valid('param').site);
    const events = await listQuarantine(databaseFor(c.env, site.id), site.id, {
      limit: PAGE,
      after: c.req.valid('query').after,
    });
    return c.json({ events, next: events.length === PAGE ? events[PAGE - 1]!.id : null }, 200);
  })
  .openapi(replayRoute, async (c) => {
    const site = await requireSite(c.env.DB, c.req.valid('param').site);
    const ids = c.req.valid('json')?.ids;
    const items = await listQuarantine(databaseFor(c.env, site.id), site.id, { limit: PAGE, ids });
    return c.json(await replayQuarantine(databaseFor(c.env, site.id), site.id, items), 200);
  });
