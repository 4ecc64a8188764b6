import { z } from '@hono/zod-openapi';
import type { EventType, PulseEvent } from '@pulse/sdk/protocol';
import type { Agrees, Same } from './same';
import { LANGUAGE_TAG, SegmentKeySchema } from './surveys';

const text = (max: number) => z.string().max(max);
const count = z.number().int().min(0).max(1_000_000);
const scalar = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
const properties = z.record(z.string().max(100), scalar).refine((value) => Object.keys(value).length <= 50, {
  message: 'at most 50 properties',
});

/** Fields every event has (`EventBase` in the SDK). */
const base = {
  id: z.uuid({ version: 'v7', message: 'must be a UUIDv7' }),
  ts: z.number().int().positive(),
  visitor: text(64).min(1),
  session: text(64).min(1),
  url: text(2048).startsWith('/', 'must be a path starting with /'),
  device: z.enum(['mobile', 'tablet', 'desktop']),
  user: text(256).optional(),
};

/** Text the collector cuts to `max` characters rather than refuse: error messages and selectors run long. */
const clipped = (max: number) =>
  z
    .string()
    .max(10_000)
    .transform((value) => value.slice(0, max));
/** Drops query strings, which may carry tokens, from a script URL or from the URLs in a stack frame. */
const withoutQueries = (max: number) =>
  z
    .string()
    .max(10_000)
    .transform((value) => value.replace(/[?#][^\s:)]*/g, '').slice(0, max));

const surveyBase = {
  ...base,
  survey: text(64).min(1),
  response: text(64).min(1),
  target: clipped(300).pipe(z.string().min(1)).optional(),
  locale: z.string().regex(LANGUAGE_TAG, 'must be a BCP 47 language tag, such as de-DE').optional(),
  visits: z.number().int().min(1).max(1_000_000).optional(),
  traits: z
    .record(SegmentKeySchema, text(64))
    .refine((value) => Object.keys(value).length <= 5, { message: 'at most 5 traits' })
    .optional(),
};
const element = { target: clipped(300).pipe(z.string().min(1)), label: text(40).optional() };

/** Score ranges per question kind, inclusive; `rating` goes up to its own scale, at most 10. */
const SCORE_RANGES = { nps: [0, 10], csat: [1, 5], ces: [1, 7], rating: [1, 10] } as const;

const answer = z
  .object({
    ...surveyBase,
    type: z.literal('survey_answer'),
    question: text(80).min(1),
    kind: z.enum(['nps', 'csat', 'ces', 'rating', 'single', 'multi', 'text']),
    value: z.union([z.number(), text(2000), z.array(text(500)).max(50)]),
  })
  .superRefine((event, context) => {
    const problem = answerProblem(event.kind, event.value);
    if (problem) context.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

/** Says what is wrong with an answer's value for its kind, or nothing when it fits. */
const answerProblem = (kind: keyof typeof SCORE_RANGES | 'single' | 'multi' | 'text', value: unknown) => {
  if (kind in SCORE_RANGES) {
    const [min, max] = SCORE_RANGES[kind as keyof typeof SCORE_RANGES];
    return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? undefined
      : `a ${kind} answer must be an integer from ${min} to ${max}`;
  }
  if (kind === 'multi') return Array.isArray(value) ? undefined : 'a multi answer must be a list of strings';
  return typeof value === 'string' ? undefined : `a ${kind} answer must be a string`;
};

/** The schema of one event, a union on `type`. Its type must equal the SDK's `PulseEvent`, member by member. */
export const PulseEventSchema = z
  .discriminatedUnion('type', [
    z.object({ ...base, type: z.literal('pageview'), referrer: text(2048).optional() }),
    z.object({ ...base, type: z.literal('track'), name: text(100).min(1), props: properties.optional() }),
    z.object({ ...base, type: z.literal('identify'), traits: properties.optional() }),
    z.object({ ...surveyBase, type: z.literal('survey_shown') }),
    answer,
    z.object({ ...surveyBase, type: z.literal('survey_completed') }),
    z.object({ ...surveyBase, type: z.literal('survey_dismissed'), question: text(80).optional() }),
    z.object({ ...base, ...element, type: z.literal('rage_click'), count: z.number().int().min(2).max(1000) }),
    z.object({ ...base, ...element, type: z.literal('dead_click') }),
    z.object({ ...base, ...element, type: z.literal('error_click'), message: clipped(500) }),
    z.object({
      ...base,
      type: z.literal('js_error'),
      message: clipped(500),
      file: withoutQueries(2048).optional(),
      line: count.optional(),
      col: count.optional(),
      stack: z.array(withoutQueries(300)).max(10).optional(),
      rejection: z.boolean().optional(),
    }),
    z.object({
      ...base,
      type: z.literal('form_abandon'),
      form: clipped(300).pipe(z.string().min(1)),
      fields: count,
      last: clipped(100).optional(),
      duration: count,
    }),
    z.object({
      ...base,
      type: z.literal('form_submit'),
      form: clipped(300).pipe(z.string().min(1)),
      fields: count,
      duration: count,
    }),
    z.object({ ...base, type: z.literal('quick_back'), to: text(2048), duration: count }),
    z.object({ ...base, type: z.literal('excessive_scroll'), changes: count }),
    z.object({
      ...base,
      type: z.literal('vital'),
      name: z.enum(['LCP', 'INP', 'CLS', 'FCP', 'TTFB']),
      value: z.number().min(0).max(3_600_000),
      metric: text(100).min(1),
      target: clipped(300).optional(),
    }),
  ])
  .openapi('PulseEvent', { description: 'One event; the fields of each type are listed in the README.' });

const batchFields = {
  site: z.string().min(1).max(100),
  dropped: z.number().int().min(0).max(1_000_000).optional().openapi({
    description: 'Events the outbox lost since its last accepted batch: overflow, expiry, refused by a 4xx.',
  }),
};

/** The body of `POST /v1/events`, checked loosely: each event is validated on its own so one bad event cannot sink the rest. */
export const EventBatchSchema = z.object({ ...batchFields, events: z.array(z.unknown()).min(1).max(100) });

/**
 * The same body as the API document gives it, with every event's schema, for senders and generated clients; the
 * write path checks the batch with `EventBatchSchema` and each event with `PulseEventSchema`.
 */
export const EventBatchDocSchema = z
  .object({
    ...batchFields,
    events: z.array(PulseEventSchema).min(1).max(100).openapi({
      description: 'Each event is validated on its own: a bad one is listed in `rejected`, and the others are kept.',
    }),
  })
  .openapi('EventBatch', {
    example: {
      site: 'pk_demo',
      events: [
        {
          id: '01936c5e-7b8a-7cde-8f01-23456789abcd',
          type: 'survey_answer',
          ts: 1732270000000,
          visitor: '01936c5e-0000-7000-8000-000000000001',
          session: '01936c5e-0000-7000-8000-000000000002',
          url: '/pricing',
          device: 'mobile',
          survey: 'nps',
          response: '01936c5e-0000-7000-8000-000000000003',
          question: 'score',
          kind: 'nps',
          value: 9,
        },
      ],
    },
  });

/** A batch as the write path read it, before each event is validated. */
export type EventBatchInput = z.infer<typeof EventBatchSchema>;

/** The answer of `POST /v1/events`. */
export const IngestResultSchema = z
  .object({
    accepted: z.number().int(),
    rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
  })
  .openapi('IngestResult', {
    example: { accepted: 19, rejected: [{ index: 4, reason: 'value: a nps answer must be an integer from 0 to 10' }] },
  });

type SchemaEvent = z.infer<typeof PulseEventSchema>;

/** Compile-time proof that the schema and the SDK's wire types agree for every event type. */
export type SchemaMatchesProtocol = Agrees<
  { [T in EventType]: Same<Extract<SchemaEvent, { type: T }>, Extract<PulseEvent, { type: T }>> }[EventType]
>;
