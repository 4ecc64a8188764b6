import { z } from '@hono/zod-openapi';
import { WindowSchema } from '../window';

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

/** Web vitals over a window, as `GET /v1/sites/:site/stats/vitals` answers. */
export type VitalStats = z.infer<typeof VitalStatsSchema>;
