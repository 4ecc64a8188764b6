import { z } from '@hono/zod-openapi';
import { FRICTION_SIGNALS } from '../aggregates/friction/signals';

/** One answered question, as the export shows it. */
export const AnswerSchema = z
  .object({
    id: z.string().openapi({ description: 'Event id (UUIDv7).' }),
    time: z.string().openapi({ description: 'Capture time, ISO 8601.' }),
    survey: z.string(),
    response: z.string().openapi({ description: 'One id per showing of a survey: groups a score with its follow-up.' }),
    question: z.string(),
    kind: z.string(),
    value: z
      .union([z.number(), z.string(), z.array(z.string())])
      .nullable()
      .openapi({ description: 'The score, the text (PII scrubbed) or the choices.' }),
    path: z.string().openapi({ description: 'Normalised path.' }),
    url: z.string().openapi({ description: 'Path and query, PII scrubbed.' }),
    device: z.string(),
    visitor: z.string(),
    user: z.string().nullable(),
    segments: z.record(z.string(), z.string()).openapi({
      description:
        "The showing's segments, named as the segment filters name them: `locale`, `visitor` (new or returning) and " +
        "`trait.<key>` for the site's segment traits; empty for an answer given without them.",
    }),
    friction: z
      .array(
        z.object({
          type: z.enum(FRICTION_SIGNALS),
          target: z
            .string()
            .nullable()
            .openapi({ description: "The element's selector (rage, dead and error clicks)." }),
          path: z.string().openapi({ description: 'Normalised path where it happened.' }),
          time: z.string().openapi({ description: 'Capture time, ISO 8601.' }),
        }),
      )
      .openapi({
        description:
          'Friction signals the respondent met earlier in the same session, before this answer: the latest 20, oldest first.',
      }),
  })
  .openapi('Answer');

/** A page of the export in JSON. */
export const ExportSchema = z
  .object({
    answers: z.array(AnswerSchema),
    next: z.string().nullable().openapi({ description: 'Cursor of the next page; null on the last page.' }),
  })
  .openapi('AnswerPage', {
    example: {
      answers: [
        {
          id: '01936c5e-7b8a-7cde-8f01-23456789abcd',
          time: '2026-11-02T10:30:00.000Z',
          survey: 'nps',
          response: '01936c5e-0000-7000-8000-000000000003',
          question: 'reason',
          kind: 'text',
          value: 'Checkout was slow; write to me at [email]',
          path: '/checkout',
          url: '/checkout?step=2',
          device: 'mobile',
          visitor: '01936c5e-0000-7000-8000-000000000001',
          user: null,
          segments: { locale: 'en-GB', visitor: 'returning', 'trait.plan': 'pro' },
          friction: [{ type: 'rage_click', target: '#pay', path: '/checkout', time: '2026-11-02T10:28:41.000Z' }],
        },
      ],
      next: 'WzE3OTM2MjQ2MDAwMDAsIjAxOTM2YzVlLTdiOGEtN2NkZS04ZjAxLTIzNDU2Nzg5YWJjZCJd',
    },
  });

/** One answered question, as `GET /v1/sites/:site/responses` lists it. */
export type Answer = z.infer<typeof AnswerSchema>;
/** A page of answers in JSON, with the cursor of the next page. */
export type AnswerPage = z.infer<typeof ExportSchema>;
