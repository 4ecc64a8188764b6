import type { IngestCounts } from './ingest/counters';
import type { StoredEvent } from './ingest/normalize';
import type { EventBatchInput } from './schema/events';
import type { WebhookJob } from './webhooks/jobs';

/** A delivery from the write path to the storage consumer: one request's accepted events and counts, for one site. */
export interface IngestMessage {
  /** Unique per delivery: the consumer records the counts under it once, however often the Queue redelivers. */
  id: string;
  site: string;
  /** Time the collector received the batch, ms. */
  received: number;
  events: StoredEvent[];
  /**
   * What did not make it into `events`: rejected events, events the SDK's outbox dropped on overflow (the batch's
   * `dropped`), and requests refused as bots, over a rate limit or from a foreign origin.
   */
  counts?: Partial<IngestCounts>;
}

/** The worker's bindings (wrangler.jsonc) and secrets. */
export interface Bindings {
  DB: D1Database;
  EVENTS: Queue<IngestMessage>;
  /** Webhook work: fan-outs of a response to its endpoints, and single deliveries with their retries. */
  WEBHOOKS: Queue<WebhookJob>;
  ASSETS: Fetcher;
  /** Secret that authorises the admin routes (`wrangler secret put ADMIN_TOKEN`). */
  ADMIN_TOKEN?: string;
  /** Requests a minute one site may send to the write path, per isolate; `0` turns the limit off. */
  RATE_LIMIT_SITE?: string;
  /** Requests a minute one visitor IP may send for one site, per isolate; `0` turns the limit off. */
  RATE_LIMIT_VISITOR?: string;
  /** `true` lets webhooks reach loopback (`http://localhost`): for local development only, never in wrangler.jsonc. */
  WEBHOOKS_ALLOW_LOOPBACK?: string;
  /**
   * Sites that have a D1 database of their own: a JSON map of site id to the name of a D1 binding
   * (`{"big-shop":"DB_BIG_SHOP"}`); every other site's data is in `DB` (src/db/databaseFor.ts).
   */
  SITE_DATABASES?: string;
  /** Where the collector is reachable, for the dashboard links in webhook messages (`https://pulse.example.com`). */
  PUBLIC_URL?: string;
}

/** Hono's environment for this app. */
export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    /** The site the request is about, once a middleware resolved it. */
    site: SiteRow;
    /** The database that holds that site's data (`databaseFor`), once a middleware resolved the site. */
    db: D1Database;
    /** The parsed body of `POST /v1/events`, once the write path's first middleware read it. */
    batch: EventBatchInput;
  };
}

/** A row of `sites`. */
export interface SiteRow {
  id: string;
  name: string;
  write_key: string;
  read_key_hash: string;
  /** JSON array of allowed origins; empty allows any. */
  origins: string;
  /** JSON object of threshold overrides. */
  thresholds: string;
  retention_days: number;
  /** JSON object of rate-limit overrides (`{ site?, visitor? }`, requests a minute). */
  rate_limits: string;
  /** JSON object of alert-rule overrides (`AlertSettings`). */
  alert_settings: string;
  /** JSON array of segment trait keys (`SiteConfig.segments`). */
  segments: string;
  created_at: number;
}
