-- JavaScript errors by group: the stored events carry, in `data`, the group's `fingerprint` (normalised message and
-- script) and `messageKey` (normalised message), computed in TypeScript (src/aggregates/errors/fingerprint.ts).
-- Per group: its first message and script as seen, and when it was first and last seen (kept through erasure).
CREATE TABLE error_groups (
  site TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  message_key TEXT NOT NULL,
  message TEXT NOT NULL,
  file TEXT,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (site, fingerprint)
) WITHOUT ROWID;

CREATE INDEX error_groups_first_seen ON error_groups (site, first_seen);

-- Events and sessions per group, hour, normalised path and device class (a session counted at its first error).
CREATE TABLE error_hourly (
  site TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  hour INTEGER NOT NULL,
  path TEXT NOT NULL,
  device TEXT NOT NULL,
  events INTEGER NOT NULL DEFAULT 0,
  sessions INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site, fingerprint, hour, path, device)
) WITHOUT ROWID;

CREATE INDEX error_hourly_site_hour ON error_hourly (site, hour);

-- The sessions each group reached: one row per group and session, at its first error's hour, path and device.
CREATE TABLE error_sessions (
  site TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  session TEXT NOT NULL,
  hour INTEGER NOT NULL,
  path TEXT NOT NULL,
  device TEXT NOT NULL,
  events INTEGER NOT NULL,
  PRIMARY KEY (site, fingerprint, session)
) WITHOUT ROWID;

-- Error clicks per normalised message, hour, path and device: how often an error came right after a click.
CREATE TABLE error_click_hourly (
  site TEXT NOT NULL,
  message_key TEXT NOT NULL,
  hour INTEGER NOT NULL,
  path TEXT NOT NULL,
  device TEXT NOT NULL,
  clicks INTEGER NOT NULL,
  PRIMARY KEY (site, message_key, hour, path, device)
) WITHOUT ROWID;

CREATE INDEX error_click_hourly_site_hour ON error_click_hourly (site, hour);

CREATE TRIGGER events_errors_add AFTER INSERT ON events
WHEN NEW.type = 'js_error' AND json_extract(NEW.data, '$.fingerprint') IS NOT NULL
BEGIN
  INSERT INTO error_groups (site, fingerprint, message_key, message, file, first_seen, last_seen)
  VALUES (NEW.site, json_extract(NEW.data, '$.fingerprint'), json_extract(NEW.data, '$.messageKey'),
    COALESCE(json_extract(NEW.data, '$.message'), ''), json_extract(NEW.data, '$.file'), NEW.ts, NEW.ts)
  ON CONFLICT (site, fingerprint) DO UPDATE SET
    first_seen = MIN(first_seen, excluded.first_seen), last_seen = MAX(last_seen, excluded.last_seen);
  INSERT INTO error_hourly (site, fingerprint, hour, path, device, events)
  VALUES (NEW.site, json_extract(NEW.data, '$.fingerprint'), NEW.hour, NEW.path, NEW.device, 1)
  ON CONFLICT (site, fingerprint, hour, path, device) DO UPDATE SET events = events + 1;
  INSERT INTO error_sessions (site, fingerprint, session, hour, path, device, events)
  VALUES (NEW.site, json_extract(NEW.data, '$.fingerprint'), NEW.session, NEW.hour, NEW.path, NEW.device, 1)
  ON CONFLICT (site, fingerprint, session) DO UPDATE SET events = events + 1;
END;

CREATE TRIGGER events_errors_remove AFTER DELETE ON events
WHEN OLD.type = 'js_error' AND json_extract(OLD.data, '$.fingerprint') IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE error_hourly SET events = events - 1
  WHERE site = OLD.site AND fingerprint = json_extract(OLD.data, '$.fingerprint') AND hour = OLD.hour
    AND path = OLD.path AND device = OLD.device;
  UPDATE error_sessions SET events = events - 1
  WHERE site = OLD.site AND fingerprint = json_extract(OLD.data, '$.fingerprint') AND session = OLD.session;
  DELETE FROM error_sessions
  WHERE site = OLD.site AND fingerprint = json_extract(OLD.data, '$.fingerprint') AND session = OLD.session
    AND events <= 0;
END;

CREATE TRIGGER error_sessions_add AFTER INSERT ON error_sessions
BEGIN
  INSERT INTO error_hourly (site, fingerprint, hour, path, device, sessions)
  VALUES (NEW.site, NEW.fingerprint, NEW.hour, NEW.path, NEW.device, 1)
  ON CONFLICT (site, fingerprint, hour, path, device) DO UPDATE SET sessions = sessions + 1;
END;

CREATE TRIGGER error_sessions_remove AFTER DELETE ON error_sessions
WHEN NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE error_hourly SET sessions = sessions - 1
  WHERE site = OLD.site AND fingerprint = OLD.fingerprint AND hour = OLD.hour AND path = OLD.path
    AND device = OLD.device;
END;

CREATE TRIGGER events_error_clicks_add AFTER INSERT ON events
WHEN NEW.type = 'error_click' AND json_extract(NEW.data, '$.messageKey') IS NOT NULL
BEGIN
  INSERT INTO error_click_hourly (site, message_key, hour, path, device, clicks)
  VALUES (NEW.site, json_extract(NEW.data, '$.messageKey'), NEW.hour, NEW.path, NEW.device, 1)
  ON CONFLICT (site, message_key, hour, path, device) DO UPDATE SET clicks = clicks + 1;
END;

CREATE TRIGGER events_error_clicks_remove AFTER DELETE ON events
WHEN OLD.type = 'error_click' AND json_extract(OLD.data, '$.messageKey') IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE error_click_hourly SET clicks = clicks - 1
  WHERE site = OLD.site AND message_key = json_extract(OLD.data, '$.messageKey') AND hour = OLD.hour
    AND path = OLD.path AND device = OLD.device;
END;
