-- Sites, their keys and settings.
CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  write_key TEXT NOT NULL UNIQUE,
  read_key_hash TEXT NOT NULL,
  origins TEXT NOT NULL DEFAULT '[]',
  thresholds TEXT NOT NULL DEFAULT '{}',
  retention_days INTEGER NOT NULL DEFAULT 395,
  created_at INTEGER NOT NULL
);

-- Survey definitions, served to the SDK through the config route.
CREATE TABLE surveys (
  site TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  definition TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site, id)
);

-- Raw events, one row per event id: inserting an id twice changes nothing.
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  site TEXT NOT NULL,
  type TEXT NOT NULL,
  ts INTEGER NOT NULL,
  hour INTEGER NOT NULL,
  visitor TEXT NOT NULL,
  session TEXT NOT NULL,
  user TEXT,
  path TEXT NOT NULL,
  url TEXT NOT NULL,
  device TEXT NOT NULL,
  survey TEXT,
  response TEXT,
  question TEXT,
  kind TEXT,
  score REAL,
  text TEXT,
  target TEXT,
  label TEXT,
  data TEXT,
  received INTEGER NOT NULL
);

CREATE INDEX events_site_ts ON events (site, ts);
CREATE INDEX events_site_visitor ON events (site, visitor);

-- NPS answers per site, survey, hour, normalised path and device class.
CREATE TABLE nps_hourly (
  site TEXT NOT NULL,
  survey TEXT NOT NULL,
  hour INTEGER NOT NULL,
  path TEXT NOT NULL,
  device TEXT NOT NULL,
  promoters INTEGER NOT NULL DEFAULT 0,
  passives INTEGER NOT NULL DEFAULT 0,
  detractors INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site, survey, hour, path, device)
) WITHOUT ROWID;

CREATE INDEX nps_hourly_site_hour ON nps_hourly (site, hour);

-- Rollups change only for rows actually inserted: a duplicate id is ignored before this trigger runs.
CREATE TRIGGER events_rollup_nps AFTER INSERT ON events
WHEN NEW.type = 'survey_answer' AND NEW.kind = 'nps'
BEGIN
  INSERT INTO nps_hourly (site, survey, hour, path, device, promoters, passives, detractors)
  VALUES (NEW.site, NEW.survey, NEW.hour, NEW.path, NEW.device, NEW.score >= 9, NEW.score >= 7 AND NEW.score < 9, NEW.score < 7)
  ON CONFLICT (site, survey, hour, path, device) DO UPDATE SET
    promoters = promoters + excluded.promoters,
    passives = passives + excluded.passives,
    detractors = detractors + excluded.detractors;
END;
