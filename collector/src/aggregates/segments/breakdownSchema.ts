import { z } from '@hono/zod-openapi';

/**
 * A breakdown's answer: `by` as asked and one group per value, each with `fields` (a score's point without its
 * window, or a survey's funnel), in value order.
 */
export const breakdownSchema = <Shape extends z.ZodRawShape>(fields: Shape, description: string) =>
  z
    .object({
      by: z.string().openapi({ description: 'As asked: device, path, locale, visitor or trait.<key>.' }),
      groups: z.array(
        z.object({
          value: z.string().openapi({
            description: "The group's device class, normalised path, locale, new or returning, or trait value.",
          }),
          ...fields,
        }),
      ),
    })
    .optional()
    .openapi({ description });
