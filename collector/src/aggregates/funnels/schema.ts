import { z } from '@hono/zod-openapi';
import { WindowSchema } from '../window';

const name = z.string().min(1).max(100);

/** A lone `*` (one path segment) next to a `**` (any run) cannot be matched in SQL, so a funnel glob uses one or the other. */
const MIXED_GLOB = /\*\*/;
const LONE_STAR = /(^|[^*])\*([^*]|$)/;

const urlRule = z
  .object({
    match: z.enum(['exact', 'prefix', 'contains', 'glob']),
    value: z.string().min(1).max(500),
  })
  .refine((rule) => rule.match !== 'glob' || !(MIXED_GLOB.test(rule.value) && LONE_STAR.test(rule.value)), {
    message: 'a funnel glob uses * (one path segment) or ** (any run), not both',
    path: ['value'],
  });

/** One step of a funnel: a page view whose path matches a URL rule, or a `track` event by name. */
export const FunnelStepSchema = z.union([
  z.strictObject({ name: name.optional(), url: urlRule }),
  z.strictObject({ name: name.optional(), event: name }),
]);

/** A funnel: ordered steps that a session must reach one after the other. */
export const FunnelSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _'),
    name: z.string().min(1).max(200).optional(),
    steps: z.array(FunnelStepSchema).min(2).max(10),
  })
  .openapi('Funnel', {
    example: {
      id: 'checkout',
      name: 'Checkout',
      steps: [
        { name: 'Product', url: { match: 'glob', value: '/product/*' } },
        { name: 'Cart', url: { match: 'exact', value: '/cart' } },
        { name: 'Checkout', url: { match: 'exact', value: '/checkout' } },
        { name: 'Order placed', event: 'order_placed' },
      ],
    },
  });

/** A funnel definition. */
export type Funnel = z.infer<typeof FunnelSchema>;

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

/** Funnels over a window, as `GET /v1/sites/:site/stats/funnels` answers. */
export type FunnelStats = z.infer<typeof FunnelStatsSchema>;
