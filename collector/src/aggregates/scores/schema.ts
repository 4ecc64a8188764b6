import { z } from '@hono/zod-openapi';
import { breakdownSchema } from '../segments/breakdownSchema';
import { WindowSchema } from '../window';

const count = z.number().int();

/** A breakdown of a score: one group per value of `by`, each a point of the score (given without its window). */
const breakdown = <Shape extends z.ZodRawShape>(point: z.ZodObject<Shape>) =>
  breakdownSchema(
    {
      ...point.shape,
      lowSample: z.boolean().openapi({ description: 'Fewer than 30 answers: not enough to read yet.' }),
    },
    'With `by`: the score per group (device class, path, locale, visitor or trait value), in value order.',
  );

const interval = (description: string) => z.tuple([z.number(), z.number()]).nullable().openapi({ description });

/** NPS over a window or one interval of it. */
export const NpsPointSchema = z.object({
  ...WindowSchema,
  n: count.openapi({ description: 'Answered NPS questions (never dismissals).' }),
  promoters: count,
  passives: count,
  detractors: count,
  score: z.number().nullable().openapi({ description: '100·(P − D)/n, exact; null when n = 0.' }),
  ci95: interval('Adjusted-Wald 95 % interval, clipped to [−100, 100].'),
  distribution: z.record(z.string(), count).openapi({
    description:
      'Answers per score, "0" to "10". Answers rolled up by class before per-score counts, whose raw events had already expired, count in n and their class only.',
  }),
});

/** The answer of the NPS route. */
export const NpsStatsSchema = NpsPointSchema.extend({
  series: z.array(NpsPointSchema).optional(),
  breakdown: breakdown(NpsPointSchema.omit({ from: true, to: true })),
}).openapi('NpsStats', {
  example: {
    from: '2026-11-01T00:00:00.000Z',
    to: '2026-11-22T00:00:00.000Z',
    n: 37,
    promoters: 20,
    passives: 9,
    detractors: 8,
    score: 32.432432432432435,
    ci95: [5.062949, 54.937051],
    distribution: { 0: 1, 1: 0, 2: 1, 3: 0, 4: 1, 5: 2, 6: 3, 7: 4, 8: 5, 9: 8, 10: 12 },
  },
});

const distribution = (scores: number) =>
  z.record(z.string(), count).openapi({ description: `Answers per score, "1" to "${scores}".` });

/** CSAT over a window or one interval of it. */
export const CsatPointSchema = z.object({
  ...WindowSchema,
  n: count.openapi({ description: 'Answered CSAT questions (1–5).' }),
  satisfied: count.openapi({ description: 'Answers of 4 or 5.' }),
  score: z.number().nullable().openapi({ description: '100·satisfied/n, exact; null when n = 0.' }),
  ci95: interval('Wilson 95 % interval of the score, in percent.'),
  distribution: distribution(5),
});

/** The answer of the CSAT route. */
export const CsatStatsSchema = CsatPointSchema.extend({
  series: z.array(CsatPointSchema).optional(),
  breakdown: breakdown(CsatPointSchema.omit({ from: true, to: true })),
}).openapi('CsatStats', {
  example: {
    from: '2026-11-01T00:00:00.000Z',
    to: '2026-11-22T00:00:00.000Z',
    n: 40,
    satisfied: 31,
    score: 77.5,
    ci95: [62.4966, 87.684],
    distribution: { 1: 2, 2: 3, 3: 4, 4: 11, 5: 20 },
  },
});

/** CES over a window or one interval of it. */
export const CesPointSchema = z.object({
  ...WindowSchema,
  n: count.openapi({ description: 'Answered CES questions (1–7).' }),
  mean: z.number().nullable().openapi({ description: 'Mean score, exact; null when n = 0.' }),
  sd: z.number().nullable().openapi({ description: 'Sample standard deviation; null when n < 2.' }),
  ci95: interval("95 % interval of the mean from Student's t (n − 1 degrees of freedom), clipped to [1, 7]."),
  agree: z.object({
    n: count.openapi({ description: 'Answers of 5, 6 or 7.' }),
    share: z.number().nullable().openapi({ description: 'Their share of n, in percent.' }),
    ci95: interval('Wilson 95 % interval of the share, in percent.'),
  }),
  distribution: distribution(7),
});

/** The answer of the CES route. */
export const CesStatsSchema = CesPointSchema.extend({
  series: z.array(CesPointSchema).optional(),
  breakdown: breakdown(CesPointSchema.omit({ from: true, to: true })),
}).openapi('CesStats', {
  example: {
    from: '2026-11-01T00:00:00.000Z',
    to: '2026-11-22T00:00:00.000Z',
    n: 12,
    mean: 5.25,
    sd: 1.6026,
    ci95: [4.2318, 6.2682],
    agree: { n: 9, share: 75, ci95: [46.77, 91.11] },
    distribution: { 1: 0, 2: 1, 3: 1, 4: 1, 5: 3, 6: 3, 7: 3 },
  },
});

/** NPS over a window, as `GET /v1/sites/:site/stats/nps` answers. */
export type NpsStats = z.infer<typeof NpsStatsSchema>;
/** CSAT over a window, as `GET /v1/sites/:site/stats/csat` answers. */
export type CsatStats = z.infer<typeof CsatStatsSchema>;
/** CES over a window, as `GET /v1/sites/:site/stats/ces` answers. */
export type CesStats = z.infer<typeof CesStatsSchema>;
