import { z } from '@hono/zod-openapi';

/** The webhook event types Pulse sends. */
export const WEBHOOK_EVENT_TYPES = [
  'response.completed',
  'response.detractor',
  'score.alert',
  'friction.alert',
  'error.new',
  'digest.weekly',
] as const;

/** One webhook event type. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .openapi({
    description:
      '`response.completed`: a showing reached its end, with every answer. `response.detractor`: an NPS of 6 or ' +
      'less or a CSAT of 2 or less, with the follow-up text once it arrives, or 5 minutes after the score. ' +
      "`score.alert`: a survey's NPS or CSAT whose 95 % interval over the last 7 days lies wholly below the previous " +
      "28 days' score, with at least 30 answers in each (checked hourly, at most once a week per survey). " +
      "`friction.alert`: a page's rate of a friction signal over the last hour or day above its own 14 days' rate " +
      'beyond chance (one-sided Poisson test at 99 %, at least 100 page views; at most once a day per page and signal). ' +
      '`error.new`: a JavaScript error group first seen on the site in the last 7 days, once it reached 3 sessions. ' +
      '`digest.weekly`: on Mondays, the week before: NPS, CSAT and CES with intervals and the change, the worst ' +
      'pages and elements, the largest error groups and three recent verbatims, detractors first.',
  });

const format = z.enum(['standard', 'slack']).openapi({
  description:
    '`standard`: signed JSON (Standard Webhooks). `slack`: a Block Kit message for a Slack incoming-webhook URL.',
});

const filters = {
  survey: z.string().min(1).max(64).nullable().optional().openapi({ description: 'Only responses to this survey.' }),
  pathPrefix: z
    .string()
    .startsWith('/')
    .max(500)
    .nullable()
    .optional()
    .openapi({ description: 'Only responses given on a page whose path starts with this.' }),
};

/** What an admin sends to create an endpoint. */
export const WebhookEndpointInputSchema = z
  .strictObject({
    url: z.string().max(2048).openapi({ description: 'An https URL (loopback too, in local development).' }),
    events: eventTypes,
    format: format.default('standard'),
    ...filters,
  })
  .openapi('WebhookEndpointInput', {
    example: { url: 'https://example.com/hooks/pulse', events: ['response.detractor'], survey: 'nps' },
  });

/** What an admin sends to change an endpoint: any field, and `enabled: true` to turn a disabled one back on. */
export const WebhookEndpointPatchSchema = z
  .strictObject({
    url: z.string().max(2048).optional(),
    events: eventTypes.optional(),
    format: format.optional(),
    ...filters,
    enabled: z.literal(true).optional().openapi({ description: 'Turns a disabled endpoint back on.' }),
  })
  .openapi('WebhookEndpointPatch');

/** The endpoint the API documents' examples show. */
const ENDPOINT_EXAMPLE = {
  id: 'wh_3k7p9q2m4x8z',
  url: 'https://example.com/hooks/pulse',
  format: 'standard' as const,
  events: ['response.detractor' as const],
  survey: 'nps',
  pathPrefix: null,
  createdAt: '2026-12-01T09:30:00.000Z',
  disabled: null,
};

/** An endpoint as the admin API shows it: never its secret. */
export const WebhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    format,
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    survey: z.string().nullable(),
    pathPrefix: z.string().nullable(),
    createdAt: z.string(),
    disabled: z
      .object({ at: z.string(), reason: z.string() })
      .nullable()
      .openapi({ description: 'Set when every attempt failed for 5 days; PATCH `enabled: true` turns it back on.' }),
  })
  .openapi('WebhookEndpoint', { example: ENDPOINT_EXAMPLE });

/** An endpoint just created, or whose secret was just rotated: the only time its secret is shown. */
export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().openapi({
    description: 'The `whsec_…` signing secret (Standard Webhooks). Shown once: keep it, it is never returned again.',
  }),
}).openapi('WebhookEndpointWithSecret', {
  example: { ...ENDPOINT_EXAMPLE, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
});

/** One attempt of the delivery log. */
export const WebhookAttemptSchema = z
  .object({
    delivery: z.string().openapi({ description: 'The webhook id, the same on every attempt of one message.' }),
    type: z.enum(WEBHOOK_EVENT_TYPES),
    at: z.string(),
    status: z.number().int().nullable().openapi({ description: 'The HTTP status; null when no answer came.' }),
    latency: z.number().int().openapi({ description: 'Milliseconds until the answer or the error.' }),
    error: z.string().nullable(),
    response: z.string().nullable().openapi({ description: 'The start of the answer body, at most 1 KB.' }),
  })
  .openapi('WebhookAttempt');

/** The delivery log of an endpoint. */
export const WebhookAttemptsSchema = z.object({ attempts: z.array(WebhookAttemptSchema) }).openapi('WebhookAttempts', {
  example: {
    attempts: [
      {
        delivery: 'msg_2f6c1d0b8e9a4c7d5e3f1a2b0c4d6e8f',
        type: 'response.detractor',
        at: '2026-12-01T09:31:05.000Z',
        status: 200,
        latency: 142,
        error: null,
        response: 'ok',
      },
    ],
  },
});

/** Every endpoint of a site. */
export const WebhookEndpointListSchema = z
  .object({ endpoints: z.array(WebhookEndpointSchema) })
  .openapi('WebhookEndpointList', {
    example: { endpoints: [ENDPOINT_EXAMPLE] },
  });

/** What a replay queued. */
export const WebhookReplayResultSchema = z
  .object({ queued: z.number().int().openapi({ description: 'Messages queued again.' }) })
  .openapi('WebhookReplayResult', { example: { queued: 1 } });

/** What a replay sends again: one message by its webhook id, or every message created in a time range. */
export const WebhookReplaySchema = z
  .union([
    z.strictObject({ delivery: z.string().min(1).max(100) }),
    z.strictObject({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }),
  ])
  .openapi('WebhookReplay', { example: { delivery: 'msg_2f6c1d0b8e9a4c7d5e3f1a2b0c' } });

const whole = (min: number, max: number, description: string) =>
  z.number().int().min(min).max(max).openapi({ description });

/** A site's overrides of the alert rules; what is left out keeps the default the README gives. */
export const AlertSettingsSchema = z
  .strictObject({
    score: z
      .strictObject({
        minAnswers: whole(5, 100_000, 'Answers each window needs (default 30).'),
        cooldownDays: whole(1, 90, 'Days before the same survey and score alert again (default 7).'),
      })
      .partial(),
    friction: z
      .strictObject({
        minPageviews: whole(10, 10_000_000, 'Page views the recent window needs (default 100).'),
        minEvents: whole(1, 100_000, 'Events of the signal it needs (default 5).'),
        pValue: z.number().min(0.0001).max(0.05).openapi({ description: "The one-sided test's level (default 0.01)." }),
        cooldownHours: whole(1, 720, 'Hours before the same page and signal alert again (default 24).'),
      })
      .partial(),
    newError: z
      .strictObject({ minSessions: whole(1, 10_000, 'Sessions a new error group needs (default 3).') })
      .partial(),
  })
  .partial()
  .openapi('AlertSettings', { example: { score: { minAnswers: 50 }, friction: { pValue: 0.001 } } });

/** A site's alert overrides. */
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;
