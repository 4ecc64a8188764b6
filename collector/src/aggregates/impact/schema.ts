import { z } from '@hono/zod-openapi';
import { ElementFields } from '../friction/schema';
import { FRICTION_SIGNALS } from '../friction/signals';
import { CesPointSchema, CsatPointSchema, NpsPointSchema } from '../scores/schema';
import { WindowSchema, windowOf } from '../window';
import { type AnswerFriction, impactStats, PATH_SEPARATOR } from './impact';

const interval = (description: string) => z.tuple([z.number(), z.number()]).nullable().openapi({ description });

// One side of a comparison is the score as its own route states it, without window and distribution.
const NpsSideSchema = NpsPointSchema.omit({ from: true, to: true, distribution: true });
const CsatSideSchema = CsatPointSchema.omit({ from: true, to: true, distribution: true });
const CesSideSchema = CesPointSchema.omit({ from: true, to: true, agree: true, distribution: true });

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
