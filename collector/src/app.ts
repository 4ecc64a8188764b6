import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import type { AppEnv } from './env';
import { errorJson } from './lib/errors';
import { notFound, onError } from './middleware/errors';
import { admin } from './routes/admin';
import { assets } from './routes/assets';
import { config } from './routes/config';
import { events } from './routes/events';
import { frictionStats } from './routes/frictionStats';
import { funnels } from './routes/funnels';
import { stats } from './routes/stats';

/** The collector's HTTP app: every route, its middleware, and the OpenAPI document generated from them. */
export const createApp = () => {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const [issue] = result.error.issues;
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return errorJson(c, 400, 'invalid_request', `${where}${issue?.message ?? 'invalid request'}`);
    },
  });
  app.onError(onError);
  app.notFound(notFound);
  app.use('/v1/*', cors({ origin: '*', allowHeaders: ['Authorization', 'Content-Type'], maxAge: 86400 }));
  app.route('/', events);
  app.route('/', config);
  app.route('/', stats);
  app.route('/', admin);
  app.route('/', frictionStats);
  app.route('/', funnels);
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
  app.doc31('/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Pulse collector',
      version: '1.0.0',
      description: 'Ingests Pulse events and serves survey configs and aggregates.',
    },
  });
  return app;
};
