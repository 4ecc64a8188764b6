import { createApp } from './app';
import type { Bindings, IngestMessage } from './env';
import { consume } from './ingest/consume';
import { retention } from './retention';

const app = createApp();

/** The worker: HTTP routes, the Queue consumer that stores events, and the retention cron. */
export default {
  fetch: app.fetch,
  queue: consume,
  scheduled: async (controller, env) => {
    await retention(controller, env);
  },
} satisfies ExportedHandler<Bindings, IngestMessage>;
