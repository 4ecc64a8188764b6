import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { databaseFor } from '../db/databaseFor';
import { requireSite } from '../db/sites';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { requireAdmin } from '../middleware/auth';
import { ADMIN_ERRORS, ADMIN_TOKEN, errorResponse } from '../schema/common';
import {
  deleteEndpoint,
  deliveriesBetween,
  type EndpointRow,
  getDelivery,
  getEndpoint,
  insertEndpoint,
  listAttempts,
  listEndpoints,
  newSecret,
  reopenDelivery,
  updateEndpoint,
} from './endpoints';
import { forgetSubscriptions } from './jobs';
import {
  WebhookAttemptsSchema,
  WebhookEndpointInputSchema,
  WebhookEndpointListSchema,
  WebhookEndpointPatchSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookReplayResultSchema,
  WebhookReplaySchema,
} from './schema';
import { unsafeUrl } from './urlSafety';

/** Messages one replay sends again, at most. */
const MAX_REPLAY = 1_000;

const SiteParamsSchema = z.object({
  site: z.string().openapi({ param: { name: 'site', in: 'path' }, example: 'shop' }),
});
const EndpointParamsSchema = SiteParamsSchema.extend({
  endpoint: z.string().openapi({ param: { name: 'endpoint', in: 'path' }, example: 'wh_3k7p9q2m' }),
});

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const NOT_FOUND = { 404: errorResponse('No such site or endpoint.'), ...ADMIN_ERRORS };

const createEndpointRoute = createRoute({
  method: 'post',
  operationId: 'createWebhookEndpoint',
  path: '/v1/admin/sites/{site}/webhooks',
  summary: 'Create a webhook endpoint',
  description:
    'Answers the endpoint with its `whsec_` signing secret, the only time it is shown. The URL must be https and ' +
    'may not name a private, loopback, link-local or metadata address.',
  tags: ['Webhooks'],
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: {
    params: SiteParamsSchema,
    body: { required: true, content: { 'application/json': { schema: WebhookEndpointInputSchema } } },
  },
  responses: {
    201: json(WebhookEndpointWithSecretSchema, 'Created.'),
    400: errorResponse('An invalid endpoint; the message names the field.'),
    404: errorResponse('No such site.'),
    ...ADMIN_ERRORS,
  },
});

const listEndpointsRoute = createRoute({
  method: 'get',
  operationId: 'listWebhookEndpoints',
  path: '/v1/admin/sites/{site}/webhooks',
  summary: "A site's webhook endpoints, without their secrets",
  tags: ['Webhooks'],
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: { params: SiteParamsSchema },
  responses: {
    200: json(WebhookEndpointListSchema, 'Every endpoint of the site.'),
    404: errorResponse('No such site.'),
    ...ADMIN_ERRORS,
  },
});

const updateEndpointRoute = createRoute({
  method: 'patch',
  operationId: 'updateWebhookEndpoint',
  path: '/v1/admin/sites/{site}/webhooks/{endpoint}',
  summary: 'Change a webhook endpoint, or turn a disabled one back on',
  tags: ['Webhooks'],
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: {
    params: EndpointParamsSchema,
    body: { required: true, content: { 'application/json': { schema: WebhookEndpointPatchSchema } } },
  },
  responses: {
    200: json(WebhookEndpointSchema, 'Changed.'),
    400: errorResponse('An invalid change; the message names the field.'),
    ...NOT_FOUND,
  },
});

const deleteEndpointRoute = createRoute({
  method: 'delete',
  operationId: 'deleteWebhookEndpoint',
  path: '/v1/admin/sites/{site}/webhooks/{endpoint}',
  summary: 'Delete a webhook endpoint, its messages and its log',
  tags: ['Webhooks'],
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: { params: EndpointParamsSchema },
  responses: { 204: { description: 'Deleted.' }, ...NOT_FOUND },
});

const rotateRoute = createRoute({
  method: 'post',
  operationId: 'rotateWebhookSecret',
  path: '/v1/admin/sites/{site}/webhooks/{endpoint}/rotate',
  summary: "Replace an endpoint's signing secret",
  description: 'Messages are signed with the new secret from now on, retries included. It is shown this once.',
  tags: ['Webhooks'],
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: { params: EndpointParamsSchema },
  responses: { 200: json(WebhookEndpointWithSecretSchema, 'The endpoint with its new secret.'), ...NOT_FOUND },
});

const attemptsRoute = createRoute({
  method: 'get',
  operationId: 'listWebhookAttempts',
  path: '/v1/admin/sites/{site}/webhooks/{endpoint}/attempts',
  summary: 'The delivery log: the last 100 attempts, newest first',
  tags: ['Webhooks'],
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: { params: EndpointParamsSchema },
  responses: { 200: json(WebhookAttemptsSchema, 'The attempts.'), ...NOT_FOUND },
});

const replayRoute = createRoute({
  method: 'post',
  operationId: 'replayWebhooks',
  path: '/v1/admin/sites/{site}/webhooks/{endpoint}/replay',
  summary: 'Send messages again: one by its webhook id, or those created in a time range',
  description: `Each keeps its webhook id, so a receiver that already has it can tell. At most ${MAX_REPLAY} a call.`,
  tags: ['Webhooks'],
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: {
    params: EndpointParamsSchema,
    body: { required: true, content: { 'application/json': { schema: WebhookReplaySchema } } },
  },
  responses: {
    202: json(WebhookReplayResultSchema, 'The messages queued again.'),
    400: errorResponse('An invalid replay; the message names the field.'),
    404: errorResponse('No such site, endpoint or message.'),
    ...ADMIN_ERRORS,
  },
});

/** An endpoint as the API shows it. */
const view = (row: EndpointRow) => ({
  id: row.id,
  url: row.url,
  format: row.format,
  events: JSON.parse(row.events),
  survey: row.survey,
  pathPrefix: row.path_prefix,
  createdAt: new Date(row.created_at).toISOString(),
  disabled:
    row.disabled_at === null
      ? null
      : { at: new Date(row.disabled_at).toISOString(), reason: row.disabled_reason ?? '' },
});

/** Refuses a URL no webhook may go to, with the reason, as a 400 that names the field. */
const checkUrl = (url: string, allowLoopback: string | undefined) => {
  const unsafe = unsafeUrl(url, allowLoopback === 'true');
  if (unsafe) throw new ApiError(400, 'invalid_request', `url: ${unsafe}`);
};

/** A new endpoint id: `wh_` and 12 random characters. */
const newEndpointId = () => `wh_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;

/** Finds an endpoint of an existing site, or answers 404. */
const requireEndpoint = async (db: D1Database, siteId: string, endpointId: string) => {
  const site = await requireSite(db, siteId);
  const endpoint = await getEndpoint(db, site.id, endpointId);
  if (!endpoint) throw new ApiError(404, 'endpoint_not_found', 'No such webhook endpoint.');
  return endpoint;
};

/** `/v1/admin/sites/:site/webhooks…`: webhook endpoints, their log and replays, behind the admin token. */
export const webhooks = new OpenAPIHono<AppEnv>()
  .openapi(createEndpointRoute, async (c) => {
    const site = await requireSite(c.env.DB, c.req.valid('param').site);
    const input = c.req.valid('json');
    checkUrl(input.url, c.env.WEBHOOKS_ALLOW_LOOPBACK);
    const now = Date.now();
    const row: EndpointRow = {
      site: site.id,
      id: newEndpointId(),
      url: input.url,
      format: input.format,
      events: JSON.stringify(input.events),
      survey: input.survey ?? null,
      path_prefix: input.pathPrefix ?? null,
      secret: newSecret(),
      created_at: now,
      updated_at: now,
      failing_since: null,
      disabled_at: null,
      disabled_reason: null,
    };
    await insertEndpoint(databaseFor(c.env, row.site), row);
    forgetSubscriptions(site.id);
    return c.json({ ...view(row), secret: row.secret }, 201);
  })
  .openapi(listEndpointsRoute, async (c) => {
    const site = await requireSite(c.env.DB, c.req.valid('param').site);
    return c.json({ endpoints: (await listEndpoints(databaseFor(c.env, site.id), site.id)).map(view) }, 200);
  })
  .openapi(updateEndpointRoute, async (c) => {
    const { site, endpoint: id } = c.req.valid('param');
    const row = await requireEndpoint(databaseFor(c.env, site), site, id);
    const patch = c.req.valid('json');
    if (patch.url !== undefined) checkUrl(patch.url, c.env.WEBHOOKS_ALLOW_LOOPBACK);
    const changed: EndpointRow = {
      ...row,
      url: patch.url ?? row.url,
      format: patch.format ?? row.format,
      events: patch.events ? JSON.stringify(patch.events) : row.events,
      survey: patch.survey === undefined ? row.survey : patch.survey,
      path_prefix: patch.pathPrefix === undefined ? row.path_prefix : patch.pathPrefix,
      updated_at: Date.now(),
      ...(patch.enabled && { failing_since: null, disabled_at: null, disabled_reason: null }),
    };
    await updateEndpoint(databaseFor(c.env, changed.site), changed);
    forgetSubscriptions(row.site);
    return c.json(view(changed), 200);
  })
  .openapi(deleteEndpointRoute, async (c) => {
    const { site, endpoint } = c.req.valid('param');
    const row = await requireEndpoint(databaseFor(c.env, site), site, endpoint);
    await deleteEndpoint(databaseFor(c.env, row.site), row.site, row.id);
    forgetSubscriptions(row.site);
    return c.body(null, 204);
  })
  .openapi(rotateRoute, async (c) => {
    const { site, endpoint } = c.req.valid('param');
    const row = await requireEndpoint(databaseFor(c.env, site), site, endpoint);
    const rotated = { ...row, secret: newSecret(), updated_at: Date.now() };
    await updateEndpoint(databaseFor(c.env, rotated.site), rotated);
    return c.json({ ...view(rotated), secret: rotated.secret }, 200);
  })
  .openapi(attemptsRoute, async (c) => {
    const { site, endpoint } = c.req.valid('param');
    const row = await requireEndpoint(databaseFor(c.env, site), site, endpoint);
    const attempts = await listAttempts(databaseFor(c.env, row.site), row.site, row.id);
    return c.json(
      { attempts: attempts.map((attempt) => ({ ...attempt, at: new Date(attempt.at).toISOString() })) },
      200,
    );
  })
  .openapi(replayRoute, async (c) => {
    const { site, endpoint } = c.req.valid('param');
    const row = await requireEndpoint(databaseFor(c.env, site), site, endpoint);
    const body = c.req.valid('json');
    let ids: string[];
    if ('delivery' in body) {
      if (!(await getDelivery(databaseFor(c.env, row.site), row.site, row.id, body.delivery)))
        throw new ApiError(404, 'delivery_not_found', 'No such message for this endpoint.');
      ids = [body.delivery];
    } else {
      const from = Date.parse(body.from);
      const to = Date.parse(body.to);
      if (!(from < to)) throw new ApiError(400, 'invalid_request', 'to: must be after from');
      ids = await deliveriesBetween(databaseFor(c.env, row.site), row.site, row.id, from, to, MAX_REPLAY);
    }
    for (const id of ids) await reopenDelivery(databaseFor(c.env, row.site), row.site, row.id, id);
    if (ids.length)
      await c.env.WEBHOOKS.sendBatch(
        ids.map((id) => ({ body: { kind: 'deliver' as const, site: row.site, endpoint: row.id, id } })),
      );
    return c.json({ queued: ids.length }, 202);
  });
