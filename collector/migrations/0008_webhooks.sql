-- Webhook endpoints per site: where answers are pushed, in which format, for which event types and filters. The
-- secret signs deliveries (Standard Webhooks); the admin API shows it once, at creation or rotation, never again.
CREATE TABLE webhook_endpoints (
  site TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  url TEXT NOT NULL,
  format TEXT NOT NULL,
  events TEXT NOT NULL,
  survey TEXT,
  path_prefix TEXT,
  secret TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  -- The first failed attempt since the last success; five days of failures disable the endpoint.
  failing_since INTEGER,
  disabled_at INTEGER,
  disabled_reason TEXT,
  PRIMARY KEY (site, id)
);

-- One message per endpoint: its webhook id, the same on every attempt and replay, and the body it carries.
CREATE TABLE webhook_deliveries (
  site TEXT NOT NULL,
  endpoint TEXT NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  delivered_at INTEGER,
  PRIMARY KEY (site, endpoint, id)
);

CREATE INDEX webhook_deliveries_created ON webhook_deliveries (site, endpoint, created_at);

-- The delivery log: each attempt's status, latency and error, the newest 100 per endpoint.
CREATE TABLE webhook_attempts (
  site TEXT NOT NULL,
  endpoint TEXT NOT NULL,
  delivery TEXT NOT NULL,
  at INTEGER NOT NULL,
  status INTEGER,
  latency INTEGER NOT NULL,
  error TEXT,
  response TEXT
);

CREATE INDEX webhook_attempts_endpoint ON webhook_attempts (site, endpoint, at);

-- A response's events, for the payload of a webhook about it.
CREATE INDEX events_site_response ON events (site, response) WHERE response IS NOT NULL;
