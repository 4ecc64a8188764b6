import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { databaseFor } from '../db/databaseFor';
import { forgetConfig } from '../db/siteConfig';
import { requireSite, siteOrigins } from '../db/sites';
import { deleteSurvey, listSurveys, putSurvey } from '../db/surveys';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { PREVIEW_MS, signPreview } from '../lib/previewToken';
import { DEFAULT_GLOBAL_COOLDOWN_DAYS, surveyWarnings } from '../lib/surveyWarnings';
import { requireAdmin } from '../middleware/auth';
import { ADMIN_ERRORS, ADMIN_TOKEN, errorResponse } from '../schema/common';
import { SurveyDefinitionSchema } from '../schema/surveys';

const SiteParamsSchema = z.object({
  site: z.string().openapi({ param: { name: 'site', in: 'path' }, example: 'shop' }),
});

const SurveyParamsSchema = SiteParamsSchema.extend({
  survey: z.string().openapi({ param: { name: 'survey', in: 'path' }, example: 'nps' }),
});

const listRoute = createRoute({
  method: 'get',
  operationId: 'listSurveys',
  path: '/v1/admin/sites/{site}/surveys',
  tags: ['Admin'],
  summary: "A site's survey definitions",
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: { params: SiteParamsSchema },
  responses: {
    200: {
      description: 'Every survey of the site, by id.',
      content: {
        'application/json': {
          schema: z.object({ surveys: z.array(SurveyDefinitionSchema) }).openapi('SurveyList', {
            example: {
              surveys: [
                {
                  id: 'nps',
                  questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }],
                  triggers: [{ on: 'visit', count: 2 }],
                },
              ],
            },
          }),
        },
      },
    },
    404: errorResponse('No such site.'),
    ...ADMIN_ERRORS,
  },
});

/** A saved survey as the admin API answers it: the definition, and what will keep it from showing although valid. */
const SavedSurveySchema = z
  .strictObject({
    ...SurveyDefinitionSchema.shape,
    warnings: z.array(z.string()).openapi({
      description:
        'Rules that will keep this survey from showing although it is valid: the global cool-down or the one ' +
        "prompt per page view it shares with the site's other surveys, a sample of 0, no trigger that fires by itself, " +
        'or none that can fire for the visitors it targets (exit intent on phones only, a later visit for new visitors).',
    }),
  })
  .openapi('SavedSurvey', {
    example: {
      id: 'help',
      questions: [{ id: 'q', type: 'csat', text: 'How did we do?' }],
      triggers: [{ on: 'click', selector: '#help' }],
      warnings: [
        "The site's global cool-down is 14 days (thresholds.globalCooldownDays): a visitor shown another survey (nps) will not see this one until then.",
      ],
    },
  });

const putRoute = createRoute({
  method: 'put',
  operationId: 'putSurvey',
  path: '/v1/admin/sites/{site}/surveys/{survey}',
  tags: ['Admin'],
  summary: 'Create or replace a survey',
  description:
    'Visitors get the new definition within a minute (the config route is cached for 30 s in the collector and 30 s in browsers). ' +
    'An invalid definition is refused with 400 and a message that starts with the path of the bad field. The answer ' +
    'is the definition with `warnings`: what will keep it from showing although it is valid.',
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: {
    params: SurveyParamsSchema,
    body: { required: true, content: { 'application/json': { schema: SurveyDefinitionSchema } } },
  },
  responses: {
    200: { description: 'Replaced.', content: { 'application/json': { schema: SavedSurveySchema } } },
    201: { description: 'Created.', content: { 'application/json': { schema: SavedSurveySchema } } },
    400: errorResponse('Invalid definition; the message names the field.'),
    404: errorResponse('No such site.'),
    ...ADMIN_ERRORS,
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  operationId: 'deleteSurvey',
  path: '/v1/admin/sites/{site}/surveys/{survey}',
  tags: ['Admin'],
  summary: 'Delete a survey',
  description: 'Visitors stop seeing it within a minute. Answers already given stay in the stats and the export.',
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: { params: SurveyParamsSchema },
  responses: {
    204: { description: 'Deleted.' },
    404: errorResponse('No such site or survey.'),
    ...ADMIN_ERRORS,
  },
});

const SurveyPreviewSchema = z
  .object({
    token: z.string().openapi({ description: 'The signed token; the config route takes it as `preview`.' }),
    query: z
      .string()
      .openapi({ description: 'What to add to the query string of any page of the site that has the tag.' }),
    url: z.string().nullable().openapi({
      description: "The site's first allowed origin with the query, or null for a site that allows any origin.",
    }),
    expires: z.number().int().openapi({ description: 'When the link stops working, ms since the epoch.' }),
  })
  .openapi('SurveyPreview', {
    example: {
      token: 'eyJzdXJ2ZXkiOiJucHMiLCJleHBpcmVzIjoxNzk2NjAwMDAwMDAwfQ.2kq…',
      query: 'pulse-preview=eyJzdXJ2ZXkiOiJucHMiLCJleHBpcmVzIjoxNzk2NjAwMDAwMDAwfQ.2kq…',
      url: 'https://shop.example/?pulse-preview=eyJzdXJ2ZXkiOiJucHMiLCJleHBpcmVzIjoxNzk2NjAwMDAwMDAwfQ.2kq…',
      expires: 1796600000000,
    },
  });

const previewRoute = createRoute({
  method: 'post',
  operationId: 'previewSurvey',
  path: '/v1/admin/sites/{site}/surveys/{survey}/preview',
  tags: ['Admin'],
  summary: 'A preview link for a survey',
  description:
    'A signed link that works for 30 minutes: any page of the site opened with `?pulse-preview=<token>` shows the ' +
    'survey at once, whatever its triggers, URL rules, targeting, sampling and throttles, and that page records ' +
    'nothing: no event, no answer, no survey history. Changing the read key revokes every link.',
  security: ADMIN_TOKEN,
  middleware: [requireAdmin] as const,
  request: { params: SurveyParamsSchema },
  responses: {
    201: { description: 'The link.', content: { 'application/json': { schema: SurveyPreviewSchema } } },
    404: errorResponse('No such site or survey.'),
    ...ADMIN_ERRORS,
  },
});

/** `/v1/admin/sites/:site/surveys…`: list, create or replace, and delete survey definitions, behind the admin token. */
export const surveys = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const site = await requireSite(c.env.DB, c.req.valid('param').site);
    return c.json({ surveys: await listSurveys(databaseFor(c.env, site.id), site.id) }, 200);
  })
  .openapi(putRoute, async (c) => {
    const { site: siteId, survey: surveyId } = c.req.valid('param');
    const survey = c.req.valid('json');
    if (survey.id !== surveyId)
      throw new ApiError(400, 'invalid_request', `id: must equal the id in the path (${surveyId})`);
    const site = await requireSite(c.env.DB, siteId);
    const existed = await putSurvey(databaseFor(c.env, site.id), site.id, survey);
    forgetConfig(site);
    const { globalCooldownDays = DEFAULT_GLOBAL_COOLDOWN_DAYS } = JSON.parse(site.thresholds) as {
      globalCooldownDays?: number;
    };
    const warnings = surveyWarnings(
      survey,
      await listSurveys(databaseFor(c.env, site.id), site.id),
      globalCooldownDays,
    );
    return c.json({ ...survey, warnings }, existed ? 200 : 201);
  })
  .openapi(previewRoute, async (c) => {
    const { site: siteId, survey: surveyId } = c.req.valid('param');
    const site = await requireSite(c.env.DB, siteId);
    if (!(await listSurveys(databaseFor(c.env, site.id), site.id)).some((survey) => survey.id === surveyId))
      throw new ApiError(404, 'survey_not_found', `The site has no survey ${surveyId}.`);
    const expires = Date.now() + PREVIEW_MS;
    const token = await signPreview(site, surveyId, expires);
    const query = `pulse-preview=${token}`;
    const [origin] = siteOrigins(site);
    return c.json({ token, query, url: origin ? `${origin}/?${query}` : null, expires }, 201);
  })
  .openapi(deleteRoute, async (c) => {
    const { site: siteId, survey: surveyId } = c.req.valid('param');
    const site = await requireSite(c.env.DB, siteId);
    if (!(await deleteSurvey(databaseFor(c.env, site.id), site.id, surveyId)))
      throw new ApiError(404, 'survey_not_found', `The site has no survey ${surveyId}.`);
    forgetConfig(site);
    return c.body(null, 204);
  });
