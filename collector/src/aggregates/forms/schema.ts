import { z } from '@hono/zod-openapi';
import { RateSchema } from '../surveys/schema';
import { WindowSchema } from '../window';

const count = z.number().int();

/** The answer of the forms route. */
export const FormStatsSchema = z
  .object({
    ...WindowSchema,
    forms: z.array(
      z.object({
        form: z.string().openapi({ description: "The form's selector." }),
        path: z.string().openapi({ description: 'The normalised page it is on.' }),
        touched: count.openapi({ description: 'Sessions that changed at least one of its fields.' }),
        submitted: count.openapi({ description: 'Of those, sessions that submitted it.' }),
        abandoned: count.openapi({ description: 'Of those, sessions that left it and never submitted it.' }),
        abandonmentRate: RateSchema.openapi({ description: 'abandoned of touched.' }),
        lowSample: z
          .boolean()
          .openapi({ description: 'Fewer than 30 sessions touched it: not enough to read the rate.' }),
        lastFields: z
          .array(
            z.object({
              field: z
                .string()
                .nullable()
                .openapi({ description: "The field's name or id, never its value; null for a field with neither." }),
              sessions: count,
            }),
          )
          .openapi({ description: 'The fields abandoning sessions touched last, most sessions first (at most 5).' }),
        medianDuration: z.number().nullable().openapi({
          description: 'Median ms from the first change to leaving, over abandoning sessions; null if none.',
        }),
      }),
    ),
  })
  .openapi('FormStats', {
    example: {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-22T00:00:00.000Z',
      forms: [
        {
          form: 'form#checkout',
          path: '/checkout',
          touched: 120,
          submitted: 84,
          abandoned: 36,
          abandonmentRate: { value: 30, ci95: [22.5, 38.7] },
          lowSample: false,
          lastFields: [
            { field: 'card-number', sessions: 21 },
            { field: 'email', sessions: 9 },
          ],
          medianDuration: 48200,
        },
      ],
    },
  });

/** Form abandonment over a window, as `GET /v1/sites/:site/stats/forms` answers. */
export type FormStats = z.infer<typeof FormStatsSchema>;
