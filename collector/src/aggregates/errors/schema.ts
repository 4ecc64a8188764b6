import { z } from '@hono/zod-openapi';
import { WindowSchema } from '../window';

const count = z.number().int();

/** The answer of the errors route. */
export const ErrorStatsSchema = z
  .object({
    ...WindowSchema,
    groups: z.array(
      z.object({
        fingerprint: z.string().openapi({ description: 'The group: its normalised message and script, hashed.' }),
        message: z.string().openapi({ description: 'The message as first seen (PII scrubbed).' }),
        file: z.string().nullable().openapi({ description: 'The script, without its query string.' }),
        events: count,
        sessions: count.openapi({ description: 'Sessions with at least one of these errors.' }),
        pages: count.openapi({ description: 'Normalised paths it happened on.' }),
        afterClick: count.openapi({
          description: 'Error clicks with its message: the error came right after a click.',
        }),
        firstSeen: z.string().openapi({ description: 'When the site first saw it, ISO 8601, whatever the window.' }),
        lastSeen: z.string(),
      }),
    ),
  })
  .openapi('ErrorStats', {
    example: {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-22T00:00:00.000Z',
      groups: [
        {
          fingerprint: '3f2a1b9c0d4e5f60',
          message: "TypeError: Cannot read properties of undefined (reading 'price')",
          file: 'https://shop.example/assets/cart.js',
          events: 41,
          sessions: 17,
          pages: 2,
          afterClick: 12,
          firstSeen: '2026-11-03T08:12:44.000Z',
          lastSeen: '2026-11-21T19:02:10.000Z',
        },
      ],
    },
  });

/** JavaScript errors by group over a window, as `GET /v1/sites/:site/stats/errors` answers. */
export type ErrorStats = z.infer<typeof ErrorStatsSchema>;
