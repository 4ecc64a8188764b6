-- Events are keyed by site and id: an id stored by one site no longer hides the same id sent to another (the
-- SDK's UUIDv7s are unique, but a client may send anything). SQLite cannot change a primary key in place, so the
-- table is rebuilt: its rows are copied as they are, and the indexes and triggers that dropping it removed are
-- created again exactly as migrations 0001–0003 defined them. Dropping a table fires none of its triggers, so
-- the rollups stay as they are.
CREATE TABLE events_by_site (
  id TEXT NOT NULL,
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
  received INTEGER NOT NULL,
  PRIMARY KEY (site, id)
);

INSERT INTO events_by_site (id, site, type, ts, hour, visitor, session, user, path, url, device, survey, response, question, kind, score, text, target, label, data, received)
SELECT id, site, type, ts, hour, visitor, session, user, path, url, device, survey, response, question, kind, score, text, target, label, data, received FROM events;

DROP TABLE events;

ALTER TABLE events_by_site RENAME TO events;

CREATE INDEX events_site_ts ON events (site, ts);
CREATE INDEX events_site_visitor ON events (site, visitor);
CREATE INDEX events_site_user ON events (site, user) WHERE user IS NOT NULL;
CREATE INDEX events_site_answers ON events (site, ts, id) WHERE type = 'survey_answer';

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

CREATE TRIGGER events_unroll_nps AFTER DELETE ON events
WHEN OLD.type = 'survey_answer' AND OLD.kind = 'nps' AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE nps_hourly SET
    promoters = promoters - (OLD.score >= 9),
    passives = passives - (OLD.score >= 7 AND OLD.score < 9),
    detractors = detractors - (OLD.score < 7)
  WHERE site = OLD.site AND survey = OLD.survey AND hour = OLD.hour AND path = OLD.path AND device = OLD.device;
END;

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

CREATE TRIGGER events_skip_erased BEFORE INSERT ON events
WHEN EXISTS (SELECT 1 FROM erasures WHERE site = NEW.site AND id IN (NEW.visitor, NEW.user))
BEGIN
  SELECT RAISE(IGNORE);
END;

CREATE TRIGGER events_count_stored AFTER INSERT ON events
BEGIN
  INSERT INTO ingest_hourly (site, hour, stored) VALUES (NEW.site, NEW.received / 3600000, 1)
  ON CONFLICT (site, hour) DO UPDATE SET stored = stored + 1;
END;

CREATE TRIGGER events_friction_add AFTER INSERT ON events
WHEN NEW.type IN ('pageview', 'rage_click', 'dead_click', 'error_click', 'js_error', 'form_abandon', 'quick_back', 'excessive_scroll')
BEGIN
  INSERT INTO friction_hourly (site, hour, path, device, type, count)
  VALUES (NEW.site, NEW.hour, NEW.path, NEW.device, NEW.type, 1)
  ON CONFLICT (site, hour, path, device, type) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER events_friction_remove AFTER DELETE ON events
WHEN OLD.type IN ('pageview', 'rage_click', 'dead_click', 'error_click', 'js_error', 'form_abandon', 'quick_back', 'excessive_scroll') AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE friction_hourly SET count = count - 1
  WHERE site = OLD.site AND hour = OLD.hour AND path = OLD.path AND device = OLD.device AND type = OLD.type;
  DELETE FROM friction_hourly
  WHERE site = OLD.site AND hour = OLD.hour AND path = OLD.path AND device = OLD.device AND type = OLD.type
    AND count <= 0;
END;

CREATE TRIGGER events_elements_add AFTER INSERT ON events
WHEN NEW.type IN ('rage_click', 'dead_click', 'error_click') AND NEW.target IS NOT NULL
BEGIN
  INSERT INTO friction_elements (site, hour, path, device, target, type, count, label)
  VALUES (NEW.site, NEW.hour, NEW.path, NEW.device, NEW.target, NEW.type, 1, NEW.label)
  ON CONFLICT (site, hour, path, device, target, type) DO UPDATE SET
    count = count + 1,
    label = coalesce(excluded.label, label);
END;

CREATE TRIGGER events_elements_remove AFTER DELETE ON events
WHEN OLD.type IN ('rage_click', 'dead_click', 'error_click') AND OLD.target IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE friction_elements SET count = count - 1
  WHERE site = OLD.site AND hour = OLD.hour AND path = OLD.path AND device = OLD.device AND target = OLD.target
    AND type = OLD.type;
  DELETE FROM friction_elements
  WHERE site = OLD.site AND hour = OLD.hour AND path = OLD.path AND device = OLD.device AND target = OLD.target
    AND type = OLD.type AND count <= 0;
END;

CREATE TRIGGER events_sessions_add AFTER INSERT ON events
WHEN NEW.type = 'pageview'
BEGIN
  INSERT INTO session_pages (site, session, path, device, hour, views)
  VALUES (NEW.site, NEW.session, NEW.path, NEW.device, NEW.hour, 1), (NEW.site, NEW.session, '*', NEW.device, NEW.hour, 1)
  ON CONFLICT (site, session, path, device) DO UPDATE SET views = views + 1;
END;

CREATE TRIGGER events_sessions_remove AFTER DELETE ON events
WHEN OLD.type = 'pageview' AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE session_pages SET views = views - 1
  WHERE site = OLD.site AND session = OLD.session AND path IN (OLD.path, '*') AND device = OLD.device;
  DELETE FROM session_pages
  WHERE site = OLD.site AND session = OLD.session AND path IN (OLD.path, '*') AND device = OLD.device AND views <= 0;
END;

CREATE TRIGGER events_vitals_add AFTER INSERT ON events
WHEN NEW.type = 'vital'
BEGIN
  INSERT INTO vital_metrics (site, metric, event, name, path, device, hour, value, bucket)
  SELECT NEW.site, json_extract(NEW.data, '$.metric'), NEW.id, json_extract(NEW.data, '$.name'),
    NEW.path, NEW.device, NEW.hour, NEW.score, b.bucket
  FROM vital_buckets b
  WHERE b.name = json_extract(NEW.data, '$.name') AND b.hi >= NEW.score
  ORDER BY b.hi
  LIMIT 1
  ON CONFLICT (site, metric) DO UPDATE SET
    event = excluded.event, path = excluded.path, device = excluded.device, hour = excluded.hour,
    value = excluded.value, bucket = excluded.bucket
  WHERE excluded.event > vital_metrics.event;
END;

CREATE TRIGGER events_vitals_remove AFTER DELETE ON events
WHEN OLD.type = 'vital' AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE vital_metrics SET (event, path, device, hour, value, bucket) = (
    SELECT e.id, e.path, e.device, e.hour, e.score,
      (SELECT b.bucket FROM vital_buckets b WHERE b.name = vital_metrics.name AND b.hi >= e.score ORDER BY b.hi LIMIT 1)
    FROM events e
    WHERE e.site = OLD.site AND e.visitor = OLD.visitor AND e.type = 'vital'
      AND json_extract(e.data, '$.metric') = vital_metrics.metric
    ORDER BY e.id DESC
    LIMIT 1
  )
  WHERE site = OLD.site AND metric = json_extract(OLD.data, '$.metric') AND event = OLD.id
    AND EXISTS (
      SELECT 1 FROM events e
      WHERE e.site = OLD.site AND e.visitor = OLD.visitor AND e.type = 'vital'
        AND json_extract(e.data, '$.metric') = json_extract(OLD.data, '$.metric')
    );
  DELETE FROM vital_metrics WHERE site = OLD.site AND metric = json_extract(OLD.data, '$.metric') AND event = OLD.id;
END;

CREATE TRIGGER events_funnels_add AFTER INSERT ON events
WHEN NEW.type IN ('pageview', 'track') AND EXISTS (SELECT 1 FROM funnel_steps WHERE site = NEW.site)
BEGIN
  INSERT INTO funnel_progress (site, funnel, session, step, event, ts, entry_hour, device)
  SELECT s.site, s.funnel, NEW.session, s.step, NEW.id, NEW.ts, p.entry_hour, p.device
  FROM funnel_steps s
  JOIN funnel_progress p ON p.site = s.site AND p.funnel = s.funnel AND p.session = NEW.session
    AND p.step = s.step - 1 AND p.ts <= NEW.ts AND p.event <> NEW.id
  WHERE s.site = NEW.site AND s.step > 1
    AND ((s.kind = 'event' AND NEW.type = 'track' AND s.value = json_extract(NEW.data, '$.name'))
    OR (s.kind = 'url' AND NEW.type = 'pageview' AND substr(NEW.url, 1, instr(NEW.url || '?', '?') - 1) GLOB s.pattern
      AND (s.slashes IS NULL OR length(substr(NEW.url, 1, instr(NEW.url || '?', '?') - 1)) - length(replace(substr(NEW.url, 1, instr(NEW.url || '?', '?') - 1), '/', '')) = s.slashes)))
  ON CONFLICT (site, funnel, session, step) DO NOTHING;
  INSERT INTO funnel_progress (site, funnel, session, step, event, ts, entry_hour, device)
  SELECT s.site, s.funnel, NEW.session, 1, NEW.id, NEW.ts, NEW.hour, NEW.device
  FROM funnel_steps s
  WHERE s.site = NEW.site AND s.step = 1
    AND ((s.kind = 'event' AND NEW.type = 'track' AND s.value = json_extract(NEW.data, '$.name'))
    OR (s.kind = 'url' AND NEW.type = 'pageview' AND substr(NEW.url, 1, instr(NEW.url || '?', '?') - 1) GLOB s.pattern
      AND (s.slashes IS NULL OR length(substr(NEW.url, 1, instr(NEW.url || '?', '?') - 1)) - length(replace(substr(NEW.url, 1, instr(NEW.url || '?', '?') - 1), '/', '')) = s.slashes)))
  ON CONFLICT (site, funnel, session, step) DO NOTHING;
END;

CREATE TRIGGER events_funnels_remove AFTER DELETE ON events
WHEN OLD.type IN ('pageview', 'track') AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  DELETE FROM funnel_progress
  WHERE site = OLD.site AND session = OLD.session
    AND EXISTS (
      SELECT 1 FROM funnel_progress f
      WHERE f.site = OLD.site AND f.session = OLD.session AND f.event = OLD.id
        AND f.funnel = funnel_progress.funnel AND f.step <= funnel_progress.step
    );
END;
