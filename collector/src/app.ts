import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { errors } from './aggregates/errors/route';
import { forms } from './aggregates/forms/route';
import { friction } from './aggregates/friction/route';
import { funnels } from './aggregates/funnels/route';
import { impact } from './aggregates/impact/route';
import { ingest } from './aggregates/ingest/route';
import { scores } from './aggregates/scores/route';
import { surveys as surveyStats } from './aggregates/surveys/route';
import { vitals } from './aggregates/vitals/route';
import type { AppEnv } from './env';
import { describeIssues, errorJson } from './lib/errors';
import { notFound, onError } from './middleware/errors';
import { admin } from './routes/admin';
import { assets } from './routes/assets';
import { config } from './routes/config';
import { events } from './routes/events';
import { quarantine } from './routes/quarantine';
import { respondents } from './routes/respondents';
import { responses } from './routes/responses';
import { surveys } from './routes/surveys';
import { errorResponse } from './schema/common';
import { webhooks } from './webhooks/route';

/** The collector's HTTP app: every route, its middleware, and the OpenAPI document generated from them. */
export const createApp = () => {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      return errorJson(c, 400, 'invalid_request', describeIssues(result.error.issues));
    },
  });
  app.onError(onError);
  app.notFound(notFound);
  app.use(
    '/v1/*',
    cors({
      origin: '*',
      allowHeaders: ['Authorization', 'Content-Type'],
      // Readable across origins only when exposed: the SDK honours Retry-After, the dashboard follows the cursor.
      exposeHeaders: ['Retry-After', 'Link', 'Pulse-Next-Cursor', 'ETag'],
      maxAge: 86400,
    }),
  );
  app.route('/', events);
  app.route('/', config);
  app.route('/', scores);
  app.route('/', ingest);
  app.route('/', surveyStats);
  app.route('/', responses);
  app.route('/', respondents);
  app.route('/', admin);
  app.route('/', quarantine);
  app.route('/', surveys);
  app.route('/', friction);
  app.route('/', vitals);
  app.route('/', errors);
  app.route('/', forms);
  app.route('/', impact);
  app.route('/', funnels);
  app.route('/', webhooks);
  app.route('/', assets);
  app.openAPIRegistry.registerComponent('securitySchemes', 'readKey', {
    type: 'http',
    scheme: 'bearer',
    description: "A site's secret read key (`sk_…`).",
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', {
    type: 'http',
    scheme: 'bearer',
    description: "The worker's ADMIN_TOKEN secret.",
  });
  // A client that accepts no JSON gets a clear refusal rather than a document it cannot read.
  app.use('/v1/openapi.json', async (c, next) => {
    const accept = c.req.header('Accept');
    if (accept && !/application\/json|application\/\*|\*\/\*/.test(accept))
      return errorJson(c, 406, 'not_acceptable', 'The document is JSON: accept application/json.');
    await next();
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    operationId: 'getOpenApiDocument',
    path: '/v1/openapi.json',
    security: [],
    tags: ['Docs'],
    summary: 'This OpenAPI 3.1 document',
    responses: {
      200: {
        description: 'The document, generated from the schemas that validate requests.',
        content: {
          'application/json': { schema: { type: 'object', example: { openapi: '3.1.0', info: {}, paths: {} } } },
        },
      },
      406: errorResponse('The request accepts no JSON.'),
    },
  });
  app.doc31('/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Pulse collector',
      version: '1.0.0',
      description: 'Ingests Pulse events and serves survey configs and aggregates.',
      license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
    },
    // Relative: the collector that serves this document (`npm start`: http://localhost:8787).
    servers: [{ url: '/', description: 'The collector that serves this document.' }],
  });
  return app;
};
