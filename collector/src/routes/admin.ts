import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { forgetConfig } from '../db/siteConfig';
import { copySiteRow, findSite, forgetSite, requireSite, siteOrigins, siteRateLimits } from '../db/sites';
import type { AppEnv, SiteRow } from '../env';
import { ApiError } from '../lib/errors';
import { hashKey, newKey } from '../lib/keys';
import { requireAdmin } from '../middleware/auth';
import { ADMIN_ERRORS, ADMIN_TOKEN, errorResponse } from '../schema/common';
import { SegmentsSchema, ThresholdsSchema } from '../schema/surveys';
import { AlertSettingsSchema } from '../webhooks/schema';

const origin = z.string().regex(/^https?:\/\/[^/\s]+$/, 'must be an origin such as https://shop.example');

const RateLimitsSchema = z
  .object({
    site: z.number().int().min(0).max(10_000_000).openapi({ description: 'Requests a minute for the whole site.' }),
    visitor: z.number().int().min(0).max(10_000_000).openapi({ description: 'Requests a minute from one visitor IP.' }),
  })
  .partial()
  .openapi('RateLimits', {
    description:
      "Overrides of the worker's write-path rate limits (`RATE_LIMIT_SITE`, `RATE_LIMIT_VISITOR`); 0 turns one off.",
    example: { site: 120_000, visitor: 600 },
  });

const retentionDays = z
  .number()
  .int()
  .min(1)
  .max(3650)
  .openapi({ description: 'Days raw events are kept; rollups are kept for good.', example: 395 });

const NewSiteSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be 1–63 lowercase letters, digits or -'),
    name: z.string().min(1).max(200),
    origins: z
      .array(origin)
      .max(50)
      .default([])
      .openapi({ description: 'Origins allowed to send events; empty allows any.' }),
    thresholds: ThresholdsSchema.default({}),
    retentionDays: retentionDays.default(395),
    rateLimits: RateLimitsSchema.default({}),
    alerts: AlertSettingsSchema.default({}),
    segments: SegmentsSchema.default([]),
  })
  .openapi('NewSite', { example: { id: 'shop', name: 'Shop', origins: ['https://shop.example'] } });

const CreatedSiteSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    origins: z.array(z.string()),
    writeKey: z.string().openapi({ description: 'Public write key, for the script tag.' }),
    readKey: z.string().openapi({ description: 'Secret read key. Shown only here: only its hash is stored.' }),
  })
  .openapi('CreatedSite', {
    example: {
      id: 'shop',
      name: 'Shop',
      origins: ['https://shop.example'],
      writeKey: 'pk_7hq3xk2m9vbn4c8rtw5yzep6',
      readKey: 'sk_m4x8q2w7e9r3t6y5u2i8a4p7a3s9d6f2g5h8j4k7',
    },
  });

const createSite = createRoute({
  method: 'post',
  operationId: 'createSite',
  path: '/v1/admin/sites',
  tags: ['Admin'],
  summary: 'Create a site and its keys',
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: { body: { required: true, content: { 'application/json': { schema: NewSiteSchema } } } },
  responses: {
    201: {
      description: 'Created; the read key is shown this once.',
      content: { 'application/json': { schema: CreatedSiteSchema } },
    },
    400: errorResponse('Invalid site.'),
    409: errorResponse('A site with this id exists.'),
    ...ADMIN_ERRORS,
  },
});

const SiteParamsSchema = z.object({
  site: z.string().openapi({ param: { name: 'site', in: 'path' }, example: 'shop' }),
});

const SitePatchSchema = z
  .object({
    name: z.string().min(1).max(200),
    origins: z.array(origin).max(50),
    thresholds: ThresholdsSchema,
    retentionDays,
    rateLimits: RateLimitsSchema,
    alerts: AlertSettingsSchema,
    segments: SegmentsSchema,
  })
  .partial()
  .openapi('SitePatch', { example: { origins: ['https://shop.example', 'https://www.shop.example'] } });

const SiteSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    writeKey: z.string(),
    origins: z.array(z.string()),
    thresholds: ThresholdsSchema,
    retentionDays: z.number().int(),
    rateLimits: RateLimitsSchema,
    alerts: AlertSettingsSchema,
    segments: SegmentsSchema,
  })
  .openapi('Site', {
    example: {
      id: 'shop',
      name: 'Shop',
      writeKey: 'pk_7hq3xk2m9vbn4c8rtw5yzep6',
      origins: ['https://shop.example'],
      thresholds: { rageClick: { clicks: 4 } },
      retentionDays: 395,
      rateLimits: {},
      alerts: {},
      segments: ['plan'],
    },
  });

const listSites = createRoute({
  method: 'get',
  operationId: 'listSites',
  path: '/v1/admin/sites',
  tags: ['Admin'],
  summary: 'List every site',
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  responses: {
    200: {
      description: 'The sites, by id.',
      content: {
        'application/json': {
          schema: z.object({ sites: z.array(SiteSchema) }).openapi({
            example: {
              sites: [
                {
                  id: 'shop',
                  name: 'Shop',
                  writeKey: 'pk_7hq3xk2m9vbn4c8rtw5yzep6',
                  origins: ['https://shop.example'],
                  thresholds: {},
                  retentionDays: 395,
                  rateLimits: {},
                  alerts: {},
                  segments: [],
                },
              ],
            },
          }),
        },
      },
    },
    ...ADMIN_ERRORS,
  },
});

const getSite = createRoute({
  method: 'get',
  operationId: 'getSite',
  path: '/v1/admin/sites/{site}',
  tags: ['Admin'],
  summary: 'One site and its settings (never its read key)',
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: { params: SiteParamsSchema },
  responses: {
    200: { description: 'The site.', content: { 'application/json': { schema: SiteSchema } } },
    404: errorResponse('No such site.'),
    ...ADMIN_ERRORS,
  },
});

const patchSite = createRoute({
  method: 'patch',
  operationId: 'updateSite',
  path: '/v1/admin/sites/{site}',
  tags: ['Admin'],
  summary: "Change a site's name, allowed origins, thresholds, retention, rate limits, alerts or segment keys",
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: {
    params: SiteParamsSchema,
    body: { required: true, content: { 'application/json': { schema: SitePatchSchema } } },
  },
  responses: {
    200: { description: 'The site as it is now.', content: { 'application/json': { schema: SiteSchema } } },
    400: errorResponse('Invalid change; the message names the field.'),
    404: errorResponse('No such site.'),
    ...ADMIN_ERRORS,
  },
});

const RotatedKeysSchema = z
  .object({ writeKey: z.string().optional(), readKey: z.string().optional() })
  .openapi('RotatedKeys', { example: { readKey: 'sk_q8w3e7r2t9y4u6i3e8p2a7s4d9f3g6h2j8k5n4' } });

const rotateKeys = createRoute({
  method: 'post',
  operationId: 'rotateSiteKeys',
  path: '/v1/admin/sites/{site}/keys',
  tags: ['Admin'],
  summary: "Rotate a site's keys",
  description: 'The old keys stop working at once. A new read key is shown only in this answer.',
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: {
    params: SiteParamsSchema,
    body: {
      required: false,
      content: {
        'application/json': { schema: z.object({ which: z.enum(['read', 'write', 'both']).default('both') }) },
      },
    },
  },
  responses: {
    200: { description: 'The new keys.', content: { 'application/json': { schema: RotatedKeysSchema } } },
    404: errorResponse('No such site.'),
    ...ADMIN_ERRORS,
  },
});

/** A site as the admin API shows it (never the read key's hash). */
const siteView = (site: SiteRow) => ({
  id: site.id,
  name: site.name,
  writeKey: site.write_key,
  origins: siteOrigins(site),
  thresholds: JSON.parse(site.thresholds),
  retentionDays: site.retention_days,
  rateLimits: siteRateLimits(site),
  alerts: JSON.parse(site.alert_settings),
  segments: JSON.parse(site.segments),
});

/** `/v1/admin/sites…`: sites and their keys, behind the admin token. */
export const admin = new OpenAPIHono<AppEnv>()
  .openapi(listSites, async (c) => {
    const { results } = await c.env.DB.prepare('SELECT * FROM sites ORDER BY id').all<SiteRow>();
    return c.json({ sites: results.map(siteView) }, 200);
  })
  .openapi(getSite, async (c) => {
    const site = await requireSite(c.env.DB, c.req.valid('param').site);
    return c.json(siteView(site), 200);
  })
  .openapi(createSite, async (c) => {
    const input = c.req.valid('json');
    if (await findSite(c.env.DB, input.id))
      throw new ApiError(409, 'site_exists', `A site with the id ${input.id} exists.`);
    const writeKey = newKey('pk');
    const readKey = newKey('sk');
    await c.env.DB.prepare(
      'INSERT INTO sites (id, name, write_key, read_key_hash, origins, thresholds, retention_days, rate_limits, alert_settings, segments, created_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
      .bind(
        input.id,
        input.name,
        writeKey,
        await hashKey(readKey),
        JSON.stringify(input.origins),
        JSON.stringify(input.thresholds),
        input.retentionDays,
        JSON.stringify(input.rateLimits),
        JSON.stringify(input.alerts),
        JSON.stringify(input.segments),
        Date.now(),
      )
      .run();
    await copySiteRow(c.env, input.id);
    // A config request for this id before it existed left a "no such site" here.
    forgetConfig({ id: input.id, write_key: writeKey });
    return c.json({ id: input.id, name: input.name, origins: input.origins, writeKey, readKey }, 201);
  })
  .openapi(patchSite, async (c) => {
    const site = await requireSite(c.env.DB, c.req.valid('param').site);
    const change = c.req.valid('json');
    const next: SiteRow = {
      ...site,
      name: change.name ?? site.name,
      origins: change.origins ? JSON.stringify(change.origins) : site.origins,
      thresholds: change.thresholds ? JSON.stringify(change.thresholds) : site.thresholds,
      retention_days: change.retentionDays ?? site.retention_days,
      rate_limits: change.rateLimits ? JSON.stringify(change.rateLimits) : site.rate_limits,
      alert_settings: change.alerts ? JSON.stringify(change.alerts) : site.alert_settings,
      segments: change.segments ? JSON.stringify(change.segments) : site.segments,
    };
    await c.env.DB.prepare(
      'UPDATE sites SET name = ?, origins = ?, thresholds = ?, retention_days = ?, rate_limits = ?, alert_settings = ?, segments = ? WHERE id = ?',
    )
      .bind(
        next.name,
        next.origins,
        next.thresholds,
        next.retention_days,
        next.rate_limits,
        next.alert_settings,
        next.segments,
        site.id,
      )
      .run();
    await copySiteRow(c.env, site.id);
    forgetSite(site);
    forgetConfig(site);
    return c.json(siteView(next), 200);
  })
  .openapi(rotateKeys, async (c) => {
    const site = await requireSite(c.env.DB, c.req.valid('param').site);
    const which = c.req.valid('json').which ?? 'both';
    const writeKey = which === 'read' ? undefined : newKey('pk');
    const readKey = which === 'write' ? undefined : newKey('sk');
    await c.env.DB.prepare(
      'UPDATE sites SET write_key = COALESCE(?, write_key), read_key_hash = COALESCE(?, read_key_hash) WHERE id = ?',
    )
      .bind(writeKey ?? null, readKey ? await hashKey(readKey) : null, site.id)
      .run();
    await copySiteRow(c.env, site.id);
    forgetSite(site);
    forgetConfig(site);
    return c.json({ writeKey, readKey }, 200);
  });
