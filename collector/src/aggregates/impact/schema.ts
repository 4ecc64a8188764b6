import { z } from '@hono/zod-openapi';
import { ElementFields } from '../friction/schema';
import { FRICTION_SIGNALS } from '../friction/signals';
import { WindowSchema, windowOf } from '../window';
import { type AnswerFriction, impactStats, PATH_SEPARATOR } from './impact';

const count = z.number().int();
const interval = (description: string) => z.tuple([z.number(), z.number()]).nullable().openapi({ description });

const NpsSideSchema = z.object({
  n: count,
  promoters: count,
  passives: count,
  detractors: count,
  score: z.number().nullable().openapi({ description: '100·(P − D)/n, exact; null when n = 0.' }),
  ci95: interval('Adjusted-Wald 95 % interval, clipped to [−100, 100].'),
});

const CsatSideSchema = z.object({
  n: count,
  satisfied: count.openapi({ description: 'Answers of 4 or 5.' }),
  score: z.number().nullable().openapi({ description: '100·satisfied/n, exact; null when n = 0.' }),
  ci95: interval('Wilson 95 % interval of the score, in percent.'),
});

const CesSideSchema = z.object({
  n: count,
  mean: z.number().nullable().openapi({ description: 'Mean score, exact; null when n = 0.' }),
  sd: z.number().nullable().openapi({ description: 'Sample standard deviation; null when n < 2.' }),
  ci95: interval("Student's t 95 % interval of the mean, clipped to [1, 7]."),
});

/** Two sides of one score, and their difference. */
const comparison = <Side extends z.ZodTypeAny>(side: Side, difference: string, ci95: string) =>
  z.object({
    friction: side.openapi({ description: "Answers given after friction in the respondent's session." }),
    none: side.openapi({ description: 'Answers whose session met no friction signal before them.' }),
    difference: z
      .number()
      .nullable()
      .openapi({ description: `${difference}; null when either side has no answers.` }),
    ci95: interval(`95 % interval of the difference: ${ci95}.`),
    lowSample: z.boolean().openapi({ description: 'Fewer than 30 answers on either side: not enough to read yet.' }),
  });

const ComparisonsSchema = {
  nps: comparison(NpsSideSchema, 'NPS points, friction minus none', 'the adjusted-Wald difference'),
  csat: comparison(CsatSideSchema, 'Percentage points, friction minus none', "Newcombe's hybrid score interval"),
  ces: comparison(CesSideSchema, 'Points on the 1–7 scale, friction minus none', "Welch's interval"),
};

/**
 * What the route answers for a shop where 48 NPS respondents met friction (12 of them rage clicks on the pay
 * button) and 160 met none: computed by the route's own maths, so that the example cannot drift from it.
 */
function example() {
  const nps = (signals: string | null, elements: string | null, counts: [number, number, number]): AnswerFriction[] =>
    [10, 8, 3].map((value, index) => ({ kind: 'nps', value, n: counts[index]!, signals, elements }));
  return impactStats(
    windowOf({ from: '2026-11-01', to: '2026-11-22' }),
    [
      ...nps('rage_click', `/checkout${PATH_SEPARATOR}#pay`, [2, 3, 7]),
      ...nps('js_error', null, [12, 9, 15]),
      ...nps(null, null, [82, 48, 30]),
    ],
    [{ path: '/checkout', target: '#pay', label: 'Pay now', rage_click: 31, dead_click: 4, error_click: 0 }],
  );
}

/** The answer of the impact route. */
export const ImpactStatsSchema = z
  .object({
    ...WindowSchema,
    ...ComparisonsSchema,
    signals: z
      .array(z.object({ signal: z.enum(FRICTION_SIGNALS), ...ComparisonsSchema }))
      .openapi({ description: 'Per signal: answers given after that signal in the session, against no friction.' }),
    elements: z
      .array(
        z.object({
          ...ElementFields,
          ...ComparisonsSchema,
        }),
      )
      .openapi({
        description:
          'The 10 worst elements by rage and dead clicks: answers given after a rage, dead or error click on the element, against no friction.',
      }),
  })
  .openapi('ImpactStats', { example: example() });

/** Scores with and without friction over a window, as `GET /v1/sites/:site/stats/impact` answers. */
export type ImpactStats = z.infer<typeof ImpactStatsSchema>;
