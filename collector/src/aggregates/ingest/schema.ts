import { z } from '@hono/zod-openapi';
import { WindowSchema } from '../window';

const count = z.number().int();

const IngestPointSchema = z.object({
  ...WindowSchema,
  stored: count.openapi({ description: 'Events stored for the first time (retries and redeliveries count once).' }),
  rejected: count.openapi({ description: 'Events refused by the schema.' }),
  dropped: count.openapi({
    description:
      'Events the SDK lost before sending (outbox overflow, 7-day expiry, refused by a 4xx), as its batches reported.',
  }),
  bots: count.openapi({ description: 'Events sent by bots and headless browsers, dropped.' }),
  limited: count.openapi({ description: 'Events refused with 429 (the SDK sends them again later).' }),
  refused: count.openapi({ description: 'Events sent from an Origin the site does not allow.' }),
  quarantined: count.openapi({
    description:
      'Events accepted but held in quarantine, with their reason, because storing them failed (see the admin quarantine routes).',
  }),
});

/** The answer of the ingest counters route. */
export const IngestStatsSchema = IngestPointSchema.extend({ series: z.array(IngestPointSchema).optional() }).openapi(
  'IngestStats',
  {
    example: {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-22T00:00:00.000Z',
      stored: 48210,
      rejected: 3,
      dropped: 120,
      bots: 415,
      limited: 0,
      refused: 12,
      quarantined: 0,
    },
  },
);

/** What reached storage over a window, as `GET /v1/sites/:site/stats/ingest` answers. */
export type IngestStats = z.infer<typeof IngestStatsSchema>;
