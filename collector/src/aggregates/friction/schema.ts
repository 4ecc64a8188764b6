import { z } from '@hono/zod-openapi';
import { WindowSchema } from '../window';
import { FRICTION_SIGNALS, type FrictionSignal } from './signals';

const RatedSchema = z.object({
  count: z.number().int(),
  rate: z.number().nullable().openapi({ description: 'Per 100 page views; null without page views.' }),
});

const FrictionSummarySchema = {
  pageviews: z.number().int(),
  sessions: z.number().int().openapi({ description: 'Sessions with a page view, counted in the hour of the first.' }),
  rate: z.number().nullable().openapi({ description: 'All friction signals per 100 page views.' }),
  signals: z.object(
    Object.fromEntries(FRICTION_SIGNALS.map((signal) => [signal, RatedSchema])) as Record<
      FrictionSignal,
      typeof RatedSchema
    >,
  ),
  rageClickBursts: z
    .object({
      known: z.number().int().openapi({ description: 'Rage clicks whose number of clicks is known.' }),
      clicks: z.number().int().openapi({ description: 'Clicks in those bursts.' }),
      clicksPerBurst: z.number().nullable().openapi({ description: 'Mean clicks per burst; null without one.' }),
    })
    .openapi({
      description:
        'How many clicks the rage clicks had: a rage click is one burst, counted once in `signals`. Bursts stored ' +
        'before the collector kept their clicks, whose raw events retention deleted, are left out here.',
    }),
};

/** An element and its click problems, as the friction and impact stats list it. */
export const ElementFields = {
  path: z.string(),
  target: z.string().openapi({ description: 'Short CSS selector.' }),
  label: z.string().nullable().openapi({ description: 'Visible label of a button or link.' }),
  rage_click: z.number().int(),
  dead_click: z.number().int(),
  error_click: z.number().int(),
};

/** The answer of the friction route. */
export const FrictionStatsSchema = z
  .object({
    ...WindowSchema,
    n: z.number().int().openapi({ description: 'Page views: the denominator of every rate.' }),
    ...FrictionSummarySchema,
    pages: z
      .array(z.object({ path: z.string(), ...FrictionSummarySchema }))
      .openapi({ description: 'Per normalised path (ids become `:id`), most friction per page view first.' }),
    elements: z
      .array(
        z.object({
          ...ElementFields,
          verbatims: z
            .array(
              z.object({
                text: z.string().openapi({ description: 'A free-text answer, PII scrubbed.' }),
                time: z.string().openapi({ description: 'Capture time, ISO 8601.' }),
              }),
            )
            .openapi({
              description:
                "Visitors' own words: the latest 3 free-text answers to surveys that a rage, dead or error click on this element raised.",
            }),
        }),
      )
      .openapi({ description: 'The 10 worst elements, by rage and dead clicks.' }),
    series: z.array(z.object({ ...WindowSchema, n: z.number().int(), ...FrictionSummarySchema })).optional(),
  })
  .openapi('FrictionStats', {
    example: {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-22T00:00:00.000Z',
      n: 1200,
      pageviews: 1200,
      sessions: 410,
      rate: 4.5,
      signals: {
        rage_click: { count: 18, rate: 1.5 },
        dead_click: { count: 24, rate: 2 },
        error_click: { count: 3, rate: 0.25 },
        js_error: { count: 6, rate: 0.5 },
        form_abandon: { count: 2, rate: 0.1667 },
        quick_back: { count: 1, rate: 0.0833 },
        excessive_scroll: { count: 0, rate: 0 },
      },
      rageClickBursts: { known: 18, clicks: 81, clicksPerBurst: 4.5 },
      pages: [],
      elements: [
        {
          path: '/checkout',
          target: '#pay',
          label: 'Pay now',
          rage_click: 12,
          dead_click: 3,
          error_click: 2,
          verbatims: [{ text: 'The pay button does nothing on my phone', time: '2026-11-20T18:04:11.000Z' }],
        },
      ],
    },
  });

/** Friction over a window, as `GET /v1/sites/:site/stats/friction` answers. */
export type FrictionStats = z.infer<typeof FrictionStatsSchema>;
