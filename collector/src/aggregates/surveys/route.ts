import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { listSurveys } from '../../db/surveys';
import type { AppEnv } from '../../env';
import { requireReadKey } from '../../middleware/auth';
import { READ_KEY, SiteParamSchema } from '../../schema/common';
import { SegmentQuerySchema, segmentQuery } from '../segments/segmentQuery';
import { STATS_ERRORS, StatsQuerySchema, windowOf } from '../window';
import { surveyCounts } from './queries';
import { SurveyStatsSchema } from './schema';
import { surveyStats } from './surveys';

const surveysRoute = createRoute({
  method: 'get',
  operationId: 'getSurveyStats',
  path: '/v1/sites/{site}/stats/surveys',
  tags: ['Stats'],
  summary: 'The survey funnel: showings, responses started and completed, dismissals, and where visitors left',
  description:
    'Per survey: the response rate (started of shown) and the completion rate (completed of started), each with a ' +
    'Wilson 95 % interval, flagged `lowSample` under 30 showings; per question, how many reached it and left there. ' +
    'Segments as on the score routes: `visitor=`, `locale=`, `trait.<key>=` and `by=device|path|locale|visitor|trait.<key>`, one segment at a time.',
  security: READ_KEY,
  middleware: [requireReadKey] as const,
  request: { params: SiteParamSchema, query: StatsQuerySchema.extend(SegmentQuerySchema) },
  responses: {
    200: { description: 'The funnel over the window.', content: { 'application/json': { schema: SurveyStatsSchema } } },
    ...STATS_ERRORS,
  },
});

/** `GET /v1/sites/:site/stats/surveys`: the survey funnel, behind the read key. */
export const surveys = new OpenAPIHono<AppEnv>().openapi(surveysRoute, async (c) => {
  const query = c.req.valid('query');
  const window = windowOf(query);
  const site = c.get('site');
  const { segment, by } = segmentQuery(query, c.req.query(), site);
  const [definitions, { totals, questions, series, groups }] = await Promise.all([
    listSurveys(c.get('db'), site.id),
    surveyCounts(c.get('db'), site.id, window, query, segment, by),
  ]);
  const breakdown = query.by && groups ? { by: query.by, groups } : undefined;
  return c.json(surveyStats(window, definitions, totals, questions, series, breakdown), 200);
});
