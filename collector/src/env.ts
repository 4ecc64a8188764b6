import type { StoredEvent } from './ingest/normalize';

/** A delivery from the write path to the storage consumer: one accepted batch of one site. */
export interface IngestMessage {
  site: string;
  /** Time the collector received the batch, ms. */
  received: number;
  events: StoredEvent[];
  /** Events the SDK's outbox dropped on overflow, as the batch reported them. */
  dropped?: number;
}

/** The worker's bindings (wrangler.jsonc) and secrets. */
export interface Bindings {
  DB: D1Database;
  EVENTS: Queue<IngestMessage>;
  ASSETS: Fetcher;
  /** Secret that authorises the admin routes (`wrangler secret put ADMIN_TOKEN`). */
  ADMIN_TOKEN?: string;
}

/** Hono's environment for this app. */
export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    /** The site the request is about, once a middleware resolved it. */
    site: SiteRow;
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
  created_at: number;
}
