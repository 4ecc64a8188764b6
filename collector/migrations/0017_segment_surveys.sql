-- The survey funnel per segment, as 0009 keeps it for everyone: per segment (`locale`, `visitor`, `trait.<key>`, as
-- computed in TypeScript into `data.segments`), its value, hour, survey, path and device, the showings, responses
-- started, completed and dismissed; and per question, its answers and the dismissals made on it.
CREATE TABLE segment_surveys_hourly (
  site TEXT NOT NULL,
  segment TEXT NOT NULL,
  hour INTEGER NOT NULL,
  value TEXT NOT NULL,
  survey TEXT NOT NULL,
  path TEXT NOT NULL,
  device TEXT NOT NULL,
  shown INTEGER NOT NULL DEFAULT 0,
  started INTEGER NOT NULL DEFAULT 0,
  completed INTEGER NOT NULL DEFAULT 0,
  dismissed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site, segment, hour, value, survey, path, device)
) WITHOUT ROWID;

CREATE TABLE segment_survey_questions_hourly (
  site TEXT NOT NULL,
  segment TEXT NOT NULL,
  hour INTEGER NOT NULL,
  value TEXT NOT NULL,
  survey TEXT NOT NULL,
  question TEXT NOT NULL,
  path TEXT NOT NULL,
  device TEXT NOT NULL,
  answered INTEGER NOT NULL DEFAULT 0,
  dismissed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site, segment, hour, value, survey, question, path, device)
) WITHOUT ROWID;

-- A started response keeps the segments of its first answer, so that it is uncounted from them when it goes.
ALTER TABLE survey_responses ADD COLUMN segments TEXT;

DROP TRIGGER events_survey_responses_add;

CREATE TRIGGER events_survey_responses_add AFTER INSERT ON events
WHEN NEW.type = 'survey_answer'
BEGIN
  INSERT INTO survey_responses (site, response, survey, hour, path, device, answers, segments)
  VALUES (NEW.site, NEW.response, NEW.survey, NEW.hour, NEW.path, NEW.device, 1, json_extract(NEW.data, '$.segments'))
  ON CONFLICT (site, response) DO UPDATE SET answers = answers + 1;
END;

CREATE TRIGGER survey_responses_segments_add AFTER INSERT ON survey_responses
WHEN json_type(NEW.segments) = 'object'
BEGIN
  INSERT INTO segment_surveys_hourly (site, segment, hour, value, survey, path, device, started)
  SELECT NEW.site, s.key, NEW.hour, s.value, NEW.survey, NEW.path, NEW.device, 1
  FROM json_each(NEW.segments) AS s WHERE s.type = 'text'
  ON CONFLICT (site, segment, hour, value, survey, path, device) DO UPDATE SET started = started + 1;
END;

CREATE TRIGGER survey_responses_segments_remove AFTER DELETE ON survey_responses
WHEN json_type(OLD.segments) = 'object' AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE segment_surveys_hourly SET started = started - 1
  WHERE site = OLD.site AND hour = OLD.hour AND survey = OLD.survey AND path = OLD.path AND device = OLD.device
    AND (segment, value) IN (SELECT key, value FROM json_each(OLD.segments) WHERE type = 'text');
END;

CREATE TRIGGER events_segment_surveys_add AFTER INSERT ON events
WHEN NEW.type IN ('survey_shown', 'survey_completed', 'survey_dismissed') AND json_type(NEW.data, '$.segments') = 'object'
BEGIN
  INSERT INTO segment_surveys_hourly (site, segment, hour, value, survey, path, device, shown, completed, dismissed)
  SELECT NEW.site, s.key, NEW.hour, s.value, NEW.survey, NEW.path, NEW.device,
    NEW.type = 'survey_shown', NEW.type = 'survey_completed', NEW.type = 'survey_dismissed'
  FROM json_each(NEW.data, '$.segments') AS s WHERE s.type = 'text'
  ON CONFLICT (site, segment, hour, value, survey, path, device) DO UPDATE SET
    shown = shown + excluded.shown, completed = completed + excluded.completed, dismissed = dismissed + excluded.dismissed;
END;

CREATE TRIGGER events_segment_surveys_remove AFTER DELETE ON events
WHEN OLD.type IN ('survey_shown', 'survey_completed', 'survey_dismissed') AND json_type(OLD.data, '$.segments') = 'object'
  AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE segment_surveys_hourly SET
    shown = shown - (OLD.type = 'survey_shown'),
    completed = completed - (OLD.type = 'survey_completed'),
    dismissed = dismissed - (OLD.type = 'survey_dismissed')
  WHERE site = OLD.site AND hour = OLD.hour AND survey = OLD.survey AND path = OLD.path AND device = OLD.device
    AND (segment, value) IN (SELECT key, value FROM json_each(OLD.data, '$.segments') WHERE type = 'text');
END;

CREATE TRIGGER events_segment_survey_questions_add AFTER INSERT ON events
WHEN NEW.type IN ('survey_answer', 'survey_dismissed') AND NEW.question IS NOT NULL
  AND json_type(NEW.data, '$.segments') = 'object'
BEGIN
  INSERT INTO segment_survey_questions_hourly (site, segment, hour, value, survey, question, path, device, answered, dismissed)
  SELECT NEW.site, s.key, NEW.hour, s.value, NEW.survey, NEW.question, NEW.path, NEW.device,
    NEW.type = 'survey_answer', NEW.type = 'survey_dismissed'
  FROM json_each(NEW.data, '$.segments') AS s WHERE s.type = 'text'
  ON CONFLICT (site, segment, hour, value, survey, question, path, device) DO UPDATE SET
    answered = answered + excluded.answered, dismissed = dismissed + excluded.dismissed;
END;

CREATE TRIGGER events_segment_survey_questions_remove AFTER DELETE ON events
WHEN OLD.type IN ('survey_answer', 'survey_dismissed') AND OLD.question IS NOT NULL
  AND json_type(OLD.data, '$.segments') = 'object' AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE segment_survey_questions_hourly SET
    answered = answered - (OLD.type = 'survey_answer'), dismissed = dismissed - (OLD.type = 'survey_dismissed')
  WHERE site = OLD.site AND hour = OLD.hour AND survey = OLD.survey AND question = OLD.question AND path = OLD.path
    AND device = OLD.device
    AND (segment, value) IN (SELECT key, value FROM json_each(OLD.data, '$.segments') WHERE type = 'text');
END;
