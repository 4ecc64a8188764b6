-- The form stats: one row per form, normalised path and session that touched it, at the hour of its first event,
-- with how many times the session submitted and abandoned it, and its latest abandon's last field and time spent.
-- Whether a session abandoned a form (touched and never submitted) is decided when the stats are read
-- (src/aggregates/forms/), not here.
CREATE TABLE form_sessions (
  site TEXT NOT NULL,
  form TEXT NOT NULL,
  path TEXT NOT NULL,
  session TEXT NOT NULL,
  hour INTEGER NOT NULL,
  device TEXT NOT NULL,
  submits INTEGER NOT NULL DEFAULT 0,
  abandons INTEGER NOT NULL DEFAULT 0,
  -- The latest abandon: its capture time, the last field's name (never a value) and the time spent, ms.
  abandoned_at INTEGER,
  last_field TEXT,
  duration INTEGER,
  PRIMARY KEY (site, form, path, session)
) WITHOUT ROWID;

CREATE INDEX form_sessions_site_hour ON form_sessions (site, hour);

CREATE TRIGGER events_form_abandon_add AFTER INSERT ON events
WHEN NEW.type = 'form_abandon' AND json_extract(NEW.data, '$.form') IS NOT NULL
BEGIN
  INSERT INTO form_sessions (site, form, path, session, hour, device, abandons, abandoned_at, last_field, duration)
  VALUES (NEW.site, json_extract(NEW.data, '$.form'), NEW.path, NEW.session, NEW.hour, NEW.device, 1, NEW.ts,
    json_extract(NEW.data, '$.last'), json_extract(NEW.data, '$.duration'))
  ON CONFLICT (site, form, path, session) DO UPDATE SET
    hour = MIN(hour, excluded.hour),
    abandons = abandons + 1,
    last_field = CASE WHEN excluded.abandoned_at >= COALESCE(abandoned_at, 0) THEN excluded.last_field ELSE last_field END,
    duration = CASE WHEN excluded.abandoned_at >= COALESCE(abandoned_at, 0) THEN excluded.duration ELSE duration END,
    abandoned_at = MAX(excluded.abandoned_at, COALESCE(abandoned_at, 0));
END;

CREATE TRIGGER events_form_submit_add AFTER INSERT ON events
WHEN NEW.type = 'form_submit' AND json_extract(NEW.data, '$.form') IS NOT NULL
BEGIN
  INSERT INTO form_sessions (site, form, path, session, hour, device, submits)
  VALUES (NEW.site, json_extract(NEW.data, '$.form'), NEW.path, NEW.session, NEW.hour, NEW.device, 1)
  ON CONFLICT (site, form, path, session) DO UPDATE SET hour = MIN(hour, excluded.hour), submits = submits + 1;
END;

-- Erasure takes a session's events out; the row goes with its last one. Retention keeps the rows, as it keeps every
-- rollup.
CREATE TRIGGER events_form_abandon_remove AFTER DELETE ON events
WHEN OLD.type = 'form_abandon' AND json_extract(OLD.data, '$.form') IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE form_sessions SET abandons = abandons - 1
  WHERE site = OLD.site AND form = json_extract(OLD.data, '$.form') AND path = OLD.path AND session = OLD.session;
  DELETE FROM form_sessions
  WHERE site = OLD.site AND form = json_extract(OLD.data, '$.form') AND path = OLD.path AND session = OLD.session
    AND submits <= 0 AND abandons <= 0;
END;

CREATE TRIGGER events_form_submit_remove AFTER DELETE ON events
WHEN OLD.type = 'form_submit' AND json_extract(OLD.data, '$.form') IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE form_sessions SET submits = submits - 1
  WHERE site = OLD.site AND form = json_extract(OLD.data, '$.form') AND path = OLD.path AND session = OLD.session;
  DELETE FROM form_sessions
  WHERE site = OLD.site AND form = json_extract(OLD.data, '$.form') AND path = OLD.path AND session = OLD.session
    AND submits <= 0 AND abandons <= 0;
END;
