-- The retention cron puts one row here inside the transaction that deletes old raw events, so that the
-- subtracting triggers below leave the rollups alone: retention drops raw rows, rollups are kept for good.
-- The same statement is in the friction migration, so either may run first.
CREATE TABLE IF NOT EXISTS retention_sweep (active INTEGER NOT NULL);

-- Per-site limits that override the worker's defaults (JSON: { "site": n, "visitor": n } requests a minute).
ALTER TABLE sites ADD COLUMN rate_limits TEXT NOT NULL DEFAULT '{}';

-- Erasure of an NPS answer subtracts it again (erasure deletes the visitor's raw rows).
CREATE TRIGGER events_unroll_nps AFTER DELETE ON events
WHEN OLD.type = 'survey_answer' AND OLD.kind = 'nps' AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE nps_hourly SET
    promoters = promoters - (OLD.score >= 9),
    passives = passives - (OLD.score >= 7 AND OLD.score < 9),
    detractors = detractors - (OLD.score < 7)
  WHERE site = OLD.site AND survey = OLD.survey AND hour = OLD.hour AND path = OLD.path AND device = OLD.device;
END;

-- CSAT answers (1–5) per site, survey, hour, normalised path and device class, counted per score.
CREATE TABLE csat_hourly (
  site TEXT NOT NULL,
  survey TEXT NOT NULL,
  hour INTEGER NOT NULL,
  path TEXT NOT NULL,
  device TEXT NOT NULL,
  s1 INTEGER NOT NULL DEFAULT 0,
  s2 INTEGER NOT NULL DEFAULT 0,
  s3 INTEGER NOT NULL DEFAULT 0,
  s4 INTEGER NOT NULL DEFAULT 0,
  s5 INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site, survey, hour, path, device)
) WITHOUT ROWID;

CREATE INDEX csat_hourly_site_hour ON csat_hourly (site, hour);

CREATE TRIGGER events_rollup_csat AFTER INSERT ON events
WHEN NEW.type = 'survey_answer' AND NEW.kind = 'csat'
BEGIN
  INSERT INTO csat_hourly (site, survey, hour, path, device, s1, s2, s3, s4, s5)
  VALUES (NEW.site, NEW.survey, NEW.hour, NEW.path, NEW.device,
    NEW.score = 1, NEW.score = 2, NEW.score = 3, NEW.score = 4, NEW.score = 5)
  ON CONFLICT (site, survey, hour, path, device) DO UPDATE SET
    s1 = s1 + excluded.s1, s2 = s2 + excluded.s2, s3 = s3 + excluded.s3, s4 = s4 + excluded.s4, s5 = s5 + excluded.s5;
END;

CREATE TRIGGER events_unroll_csat AFTER DELETE ON events
WHEN OLD.type = 'survey_answer' AND OLD.kind = 'csat' AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE csat_hourly SET
    s1 = s1 - (OLD.score = 1), s2 = s2 - (OLD.score = 2), s3 = s3 - (OLD.score = 3),
    s4 = s4 - (OLD.score = 4), s5 = s5 - (OLD.score = 5)
  WHERE site = OLD.site AND survey = OLD.survey AND hour = OLD.hour AND path = OLD.path AND device = OLD.device;
END;

-- CES answers (1–7), counted per score: integer counts give the mean and variance exactly, and subtract exactly.
CREATE TABLE ces_hourly (
  site TEXT NOT NULL,
  survey TEXT NOT NULL,
  hour INTEGER NOT NULL,
  path TEXT NOT NULL,
  device TEXT NOT NULL,
  s1 INTEGER NOT NULL DEFAULT 0,
  s2 INTEGER NOT NULL DEFAULT 0,
  s3 INTEGER NOT NULL DEFAULT 0,
  s4 INTEGER NOT NULL DEFAULT 0,
  s5 INTEGER NOT NULL DEFAULT 0,
  s6 INTEGER NOT NULL DEFAULT 0,
  s7 INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site, survey, hour, path, device)
) WITHOUT ROWID;

CREATE INDEX ces_hourly_site_hour ON ces_hourly (site, hour);

CREATE TRIGGER events_rollup_ces AFTER INSERT ON events
WHEN NEW.type = 'survey_answer' AND NEW.kind = 'ces'
BEGIN
  INSERT INTO ces_hourly (site, survey, hour, path, device, s1, s2, s3, s4, s5, s6, s7)
  VALUES (NEW.site, NEW.survey, NEW.hour, NEW.path, NEW.device,
    NEW.score = 1, NEW.score = 2, NEW.score = 3, NEW.score = 4, NEW.score = 5, NEW.score = 6, NEW.score = 7)
  ON CONFLICT (site, survey, hour, path, device) DO UPDATE SET
    s1 = s1 + excluded.s1, s2 = s2 + excluded.s2, s3 = s3 + excluded.s3, s4 = s4 + excluded.s4,
    s5 = s5 + excluded.s5, s6 = s6 + excluded.s6, s7 = s7 + excluded.s7;
END;

CREATE TRIGGER events_unroll_ces AFTER DELETE ON events
WHEN OLD.type = 'survey_answer' AND OLD.kind = 'ces' AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE ces_hourly SET
    s1 = s1 - (OLD.score = 1), s2 = s2 - (OLD.score = 2), s3 = s3 - (OLD.score = 3), s4 = s4 - (OLD.score = 4),
    s5 = s5 - (OLD.score = 5), s6 = s6 - (OLD.score = 6), s7 = s7 - (OLD.score = 7)
  WHERE site = OLD.site AND survey = OLD.survey AND hour = OLD.hour AND path = OLD.path AND device = OLD.device;
END;

-- Erased respondents, by visitor id or user id: their events are never stored again, even when redelivered.
CREATE TABLE erasures (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  erased_at INTEGER NOT NULL,
  PRIMARY KEY (site, id)
) WITHOUT ROWID;

CREATE TRIGGER events_skip_erased BEFORE INSERT ON events
WHEN EXISTS (SELECT 1 FROM erasures WHERE site = NEW.site AND id IN (NEW.visitor, NEW.user))
BEGIN
  SELECT RAISE(IGNORE);
END;

-- Erasure by user id finds that user's visitors through this index.
CREATE INDEX events_site_user ON events (site, user) WHERE user IS NOT NULL;

-- The export reads survey answers newest first without stepping over page views.
CREATE INDEX events_site_answers ON events (site, ts, id) WHERE type = 'survey_answer';

-- What happened to a site's traffic per hour of receipt: events stored, and what never made it.
CREATE TABLE ingest_hourly (
  site TEXT NOT NULL,
  hour INTEGER NOT NULL,
  stored INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  dropped INTEGER NOT NULL DEFAULT 0,
  bots INTEGER NOT NULL DEFAULT 0,
  limited INTEGER NOT NULL DEFAULT 0,
  refused INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site, hour)
) WITHOUT ROWID;

-- A new row counts as stored only when it was actually inserted, so retries and redeliveries count once.
CREATE TRIGGER events_count_stored AFTER INSERT ON events
BEGIN
  INSERT INTO ingest_hourly (site, hour, stored) VALUES (NEW.site, NEW.received / 3600000, 1)
  ON CONFLICT (site, hour) DO UPDATE SET stored = stored + 1;
END;

-- Counts the write path sent along with a delivery, keyed by the delivery's id so a redelivery adds nothing.
-- Rows are pruned by the retention cron after a week; the hourly counts stay.
CREATE TABLE ingest_counts (
  id TEXT PRIMARY KEY,
  site TEXT NOT NULL,
  received INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  dropped INTEGER NOT NULL,
  bots INTEGER NOT NULL,
  limited INTEGER NOT NULL,
  refused INTEGER NOT NULL
);

CREATE INDEX ingest_counts_received ON ingest_counts (received);

CREATE TRIGGER ingest_counts_add AFTER INSERT ON ingest_counts
BEGIN
  INSERT INTO ingest_hourly (site, hour, rejected, dropped, bots, limited, refused)
  VALUES (NEW.site, NEW.received / 3600000, NEW.rejected, NEW.dropped, NEW.bots, NEW.limited, NEW.refused)
  ON CONFLICT (site, hour) DO UPDATE SET
    rejected = rejected + excluded.rejected,
    dropped = dropped + excluded.dropped,
    bots = bots + excluded.bots,
    limited = limited + excluded.limited,
    refused = refused + excluded.refused;
END;
