import { z } from '@hono/zod-openapi';
import { FRICTION_SIGNALS, type FrictionSignal } from '../stats/friction';
import { WindowSchema } from '../stats/window';

// Friction ------------------------------------------------------------------------------------------------

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
          path: z.string(),
          target: z.string().openapi({ description: 'Short CSS selector.' }),
          label: z.string().nullable().openapi({ description: 'Visible label of a button or link.' }),
          rage_click: z.number().int(),
          dead_click: z.number().int(),
          error_click: z.number().int(),
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
      pages: [],
      elements: [
        { path: '/checkout', target: '#pay', label: 'Pay now', rage_click: 12, dead_click: 3, error_click: 2 },
      ],
    },
  });

// Vitals --------------------------------------------------------------------------------------------------

const VitalSummarySchema = {
  n: z.number().int().openapi({ description: 'Metric records (one per web-vitals metric id).' }),
  p75: z.number().nullable().openapi({ description: '75th percentile, within 5 % of the exact value.' }),
  rating: z.enum(['good', 'needs-improvement', 'poor']).nullable(),
  good: z.number().openapi({ description: 'Share of records rated good, 0–1.' }),
  needsImprovement: z.number(),
  poor: z.number(),
};
const vitalName = z.enum(['LCP', 'INP', 'CLS', 'FCP', 'TTFB']);

/** The answer of the web-vitals route. */
export const VitalStatsSchema = z
  .object({
    ...WindowSchema,
    n: z.number().int().openapi({ description: 'Metric records in the window.' }),
    metrics: z
      .array(z.object({ name: vitalName, ...VitalSummarySchema }))
      .openapi({ description: 'Per metric, over every page and device class the filters allow.' }),
    groups: z
      .array(z.object({ name: vitalName, path: z.string(), device: z.string(), ...VitalSummarySchema }))
      .openapi({ description: 'Per metric, normalised path and device class.' }),
    series: z
      .array(z.object({ ...WindowSchema, metrics: z.array(z.object({ name: vitalName, ...VitalSummarySchema })) }))
      .optional(),
  })
  .openapi('VitalStats', {
    example: {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-22T00:00:00.000Z',
      n: 800,
      metrics: [
        { name: 'LCP', n: 400, p75: 2310, rating: 'good', good: 0.78, needsImprovement: 0.17, poor: 0.05 },
        { name: 'CLS', n: 400, p75: 0.08, rating: 'good', good: 0.81, needsImprovement: 0.12, poor: 0.07 },
      ],
      groups: [
        {
          name: 'LCP',
          path: '/product/:id',
          device: 'mobile',
          n: 120,
          p75: 3120,
          rating: 'needs-improvement',
          good: 0.55,
          needsImprovement: 0.3,
          poor: 0.15,
        },
      ],
    },
  });

// Funnels -------------------------------------------------------------------------------------------------

const StepCountsSchema = z.array(
  z.object({
    step: z.number().int(),
    name: z.string().nullable(),
    reached: z.number().int().openapi({ description: 'Sessions that reached this step, in order.' }),
    left: z
      .number()
      .int()
      .openapi({ description: 'Sessions whose last step reached is this one (0 for the last step: they completed).' }),
  }),
);

const FunnelCountsSchema = {
  n: z.number().int().openapi({ description: 'Sessions that entered step 1 inside the window.' }),
  completed: z.number().int(),
  conversion: z.number().nullable().openapi({ description: 'completed / n; null when n = 0.' }),
  steps: StepCountsSchema,
};

/** The answer of the funnels route. */
export const FunnelStatsSchema = z
  .object({
    ...WindowSchema,
    funnels: z.array(
      z.object({
        id: z.string(),
        name: z.string().nullable(),
        ...FunnelCountsSchema,
        series: z.array(z.object({ ...WindowSchema, ...FunnelCountsSchema })).optional(),
      }),
    ),
  })
  .openapi('FunnelStats', {
    example: {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-22T00:00:00.000Z',
      funnels: [
        {
          id: 'checkout',
          name: 'Checkout',
          n: 200,
          completed: 38,
          conversion: 0.19,
          steps: [
            { step: 1, name: 'Product', reached: 200, left: 90 },
            { step: 2, name: 'Cart', reached: 110, left: 40 },
            { step: 3, name: 'Checkout', reached: 70, left: 32 },
            { step: 4, name: 'Order placed', reached: 38, left: 0 },
          ],
        },
      ],
    },
  });

/** Friction over a window, as `GET /v1/sites/:site/stats/friction` answers. */
export type FrictionStats = z.infer<typeof FrictionStatsSchema>;
/** Web vitals over a window, as `GET /v1/sites/:site/stats/vitals` answers. */
export type VitalStats = z.infer<typeof VitalStatsSchema>;
/** Funnels over a window, as `GET /v1/sites/:site/stats/funnels` answers. */
export type FunnelStats = z.infer<typeof FunnelStatsSchema>;
