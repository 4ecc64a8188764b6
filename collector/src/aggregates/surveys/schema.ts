import { z } from '@hono/zod-openapi';
import { breakdownSchema } from '../segments/breakdownSchema';
import { WindowSchema } from '../window';

const count = z.number().int();

/** A share in percent with its Wilson 95 % interval. */
export const RateSchema = z.object({
  value: z.number().nullable().openapi({ description: 'In percent; null when there is nothing to divide by.' }),
  ci95: z.tuple([z.number(), z.number()]).nullable().openapi({ description: 'Wilson 95 % interval, in percent.' }),
});

const FunnelSchema = {
  shown: count.openapi({ description: 'Showings of the survey.' }),
  started: count.openapi({ description: 'Showings with at least one answer.' }),
  completed: count.openapi({ description: 'Showings that reached the end (the thanks).' }),
  dismissed: count.openapi({ description: 'Showings closed before the end.' }),
  responseRate: RateSchema.openapi({ description: 'started of shown.' }),
  completionRate: RateSchema.openapi({ description: 'completed of started.' }),
  lowSample: z.boolean().openapi({ description: 'Fewer than 30 showings: not enough to read the rates yet.' }),
};

/** The answer of the surveys route. */
export const SurveyStatsSchema = z
  .object({
    ...WindowSchema,
    surveys: z.array(
      z.object({
        survey: z.string(),
        name: z.string().nullable(),
        ...FunnelSchema,
        questions: z.array(
          z.object({
            question: z.string(),
            answered: count,
            reached: count.openapi({ description: 'Answered it, or closed the survey while it was on screen.' }),
            left: count.openapi({ description: 'Closed the survey while it was on screen.' }),
          }),
        ),
        series: z.array(z.object({ ...WindowSchema, ...FunnelSchema })).optional(),
        breakdown: breakdownSchema(FunnelSchema, "With `by`: the survey's funnel per group, in value order."),
      }),
    ),
  })
  .openapi('SurveyStats', {
    example: {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-22T00:00:00.000Z',
      surveys: [
        {
          survey: 'nps',
          name: 'Would you recommend us?',
          shown: 50,
          started: 30,
          completed: 24,
          dismissed: 12,
          responseRate: { value: 60, ci95: [46.18, 72.39] },
          completionRate: { value: 80, ci95: [62.69, 90.5] },
          lowSample: false,
          questions: [
            { question: 'score', answered: 30, reached: 36, left: 6 },
            { question: 'score.followup', answered: 18, reached: 24, left: 6 },
          ],
        },
      ],
    },
  });

/** The survey funnel over a window, as `GET /v1/sites/:site/stats/surveys` answers. */
export type SurveyStats = z.infer<typeof SurveyStatsSchema>;
