import { createApp } from './app';
import { allDatabases } from './db/databaseFor';
import type { Bindings, IngestMessage } from './env';
import { consume } from './ingest/consume';
import { retention } from './retention';
import { runAlerts } from './webhooks/alerts';
import { consumeWebhooks } from './webhooks/consume';
import type { WebhookJob } from './webhooks/jobs';

const app = createApp();

/** The worker: HTTP routes, the Queue consumers that store events and deliver webhooks, and the hourly cron (retention, alerts). */
export default {
  fetch: app.fetch,
  queue: (batch, env) =>
    batch.queue.startsWith('pulse-webhooks')
      ? consumeWebhooks(batch as MessageBatch<WebhookJob>, env)
      : consume(batch as MessageBatch<IngestMessage>, env),
  scheduled: async (controller, env) => {
    await retention(controller, env);
    for (const db of allDatabases(env)) await runAlerts(db, env.WEBHOOKS, controller.scheduledTime);
  },
} satisfies ExportedHandler<Bindings, IngestMessage | WebhookJob>;
