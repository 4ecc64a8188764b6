import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { databaseFor } from '../db/databaseFor';
import { eraseRespondent } from '../db/erasure';
import { requireSite } from '../db/sites';
import type { AppEnv } from '../env';
import { userKey } from '../lib/userKey';
import { requireAdmin } from '../middleware/auth';
import { ADMIN_ERRORS, ADMIN_TOKEN, errorResponse } from '../schema/common';

const ErasureSchema = z
  .object({
    id: z.string(),
    events: z.number().int().openapi({ description: 'Events deleted.' }),
    visitors: z.number().int().openapi({ description: 'Visitor ids whose events were deleted.' }),
  })
  .openapi('Erasure', { example: { id: 'user-42', events: 57, visitors: 2 } });

const route = createRoute({
  method: 'delete',
  operationId: 'eraseRespondent',
  path: '/v1/sites/{site}/respondents/{id}',
  tags: ['Admin'],
  summary: 'Erase a respondent: their events go, and the aggregates no longer count them',
  description:
    'The id is a visitor id (as the SDK sends it) or a user id given to `identify`; a user id erases every visitor ' +
    'identified as that user, with what they did before `identify`. Their raw events are deleted and subtracted ' +
    'from every rollup in the same transaction. The id is remembered, so events of theirs that arrive later ' +
    '(a Queue redelivery, an outbox that was offline) are not stored. Erasing again is harmless.',
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: {
    params: z.object({
      site: z.string().openapi({ param: { name: 'site', in: 'path' }, example: 'shop' }),
      id: z
        .string()
        .min(1)
        .max(256)
        .openapi({ param: { name: 'id', in: 'path' }, example: '01936c5e-0000-7000-8000-000000000001' }),
    }),
  },
  responses: {
    200: { description: 'Erased.', content: { 'application/json': { schema: ErasureSchema } } },
    404: errorResponse('No such site.'),
    ...ADMIN_ERRORS,
  },
});

/** `DELETE /v1/sites/:site/respondents/:id`: erasure of one respondent, behind the admin token. */
export const respondents = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { site: siteId, id } = c.req.valid('param');
  const site = await requireSite(c.env.DB, siteId);
  const erased = await eraseRespondent(databaseFor(c.env, site.id), site.id, id, await userKey(id), Date.now());
  return c.json({ id, ...erased }, 200);
});
