import { z } from '@hono/zod-openapi';

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
