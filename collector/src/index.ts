import { createApp } from './app';
import type { Bindings, IngestMessage } from './env';
import { consume } from './ingest/consume';

const app = createApp();

/** The worker: HTTP routes, the Queue consumer that stores events, and the retention cron. */
export default {
  fetch: app.fetch,
  queue: consume,
} satisfies ExportedHandler<Bindings, IngestMessage>;
