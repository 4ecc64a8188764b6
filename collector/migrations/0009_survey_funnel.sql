-- The survey funnel: per survey, hour, normalised path and device class, the showings, the responses started (at
-- least one answer), completed (the thanks reached) and dismissed; and per question, its answers and the dismissals
-- made while it was on screen. Like every rollup here, triggers add as events are stored and subtract as they are
-- erased, never while the retention cron sweeps.
CREATE TABLE survey_hourly (
  site TEXT NOT NULL,
  survey TEXT NOT NULL,
  hour INTEGER NOT NULL,
  path TEXT NOT NULL,
  device TEXT NOT NULL,
  shown INTEGER NOT NULL DEFAULT 0,
  started INTEGER NOT NULL DEFAULT 0,
  completed INTEGER NOT NULL DEFAULT 0,
  dismissed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site, survey, hour, path, device)
) WITHOUT ROWID;

CREATE INDEX survey_hourly_site_hour ON survey_hourly (site, hour);

CREATE TABLE survey_questions_hourly (
  site TEXT NOT NULL,
  survey TEXT NOT NULL,
  question TEXT NOT NULL,
  hour INTEGER NOT NULL,
  path TEXT NOT NULL,
  device TEXT NOT NULL,
  answered INTEGER NOT NULL DEFAULT 0,
  dismissed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site, survey, question, hour, path, device)
) WITHOUT ROWID;

CREATE INDEX survey_questions_hourly_site_hour ON survey_questions_hourly (site, hour);

-- The responses with at least one answer: one row each, at the hour, path and device of its first stored answer,
-- with its number of answers. A row appearing counts a started response there, and disappearing uncounts it there.
CREATE TABLE survey_responses (
  site TEXT NOT NULL,
  response TEXT NOT NULL,
  survey TEXT NOT NULL,
  hour INTEGER NOT NULL,
  path TEXT NOT NULL,
  device TEXT NOT NULL,
  answers INTEGER NOT NULL,
  PRIMARY KEY (site, response)
) WITHOUT ROWID;

-- The history so far, from the raw events still stored.
INSERT INTO survey_responses (site, response, survey, hour, path, device, answers)
SELECT site, response, MIN(survey), MIN(hour), MIN(path), MIN(device), COUNT(*) FROM events
WHERE type = 'survey_answer' AND response IS NOT NULL
GROUP BY site, response;

INSERT INTO survey_hourly (site, survey, hour, path, device, shown, completed, dismissed)
SELECT site, survey, hour, path, device,
  SUM(type = 'survey_shown'), SUM(type = 'survey_completed'), SUM(type = 'survey_dismissed')
FROM events
WHERE type IN ('survey_shown', 'survey_completed', 'survey_dismissed')
GROUP BY site, survey, hour, path, device;

INSERT INTO survey_hourly (site, survey, hour, path, device, started)
SELECT site, survey, hour, path, device, COUNT(*) FROM survey_responses WHERE TRUE
GROUP BY site, survey, hour, path, device
ON CONFLICT (site, survey, hour, path, device) DO UPDATE SET started = excluded.started;

INSERT INTO survey_questions_hourly (site, survey, question, hour, path, device, answered, dismissed)
SELECT site, survey, question, hour, path, device, SUM(type = 'survey_answer'), SUM(type = 'survey_dismissed')
FROM events
WHERE type IN ('survey_answer', 'survey_dismissed') AND question IS NOT NULL
GROUP BY site, survey, question, hour, path, device;

CREATE TRIGGER events_surveys_add AFTER INSERT ON events
WHEN NEW.type IN ('survey_shown', 'survey_completed', 'survey_dismissed')
BEGIN
  INSERT INTO survey_hourly (site, survey, hour, path, device, shown, completed, dismissed)
  VALUES (NEW.site, NEW.survey, NEW.hour, NEW.path, NEW.device,
    NEW.type = 'survey_shown', NEW.type = 'survey_completed', NEW.type = 'survey_dismissed')
  ON CONFLICT (site, survey, hour, path, device) DO UPDATE SET
    shown = shown + excluded.shown, completed = completed + excluded.completed, dismissed = dismissed + excluded.dismissed;
END;

CREATE TRIGGER events_surveys_remove AFTER DELETE ON events
WHEN OLD.type IN ('survey_shown', 'survey_completed', 'survey_dismissed') AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE survey_hourly SET
    shown = shown - (OLD.type = 'survey_shown'),
    completed = completed - (OLD.type = 'survey_completed'),
    dismissed = dismissed - (OLD.type = 'survey_dismissed')
  WHERE site = OLD.site AND survey = OLD.survey AND hour = OLD.hour AND path = OLD.path AND device = OLD.device;
END;

CREATE TRIGGER events_survey_questions_add AFTER INSERT ON events
WHEN NEW.type IN ('survey_answer', 'survey_dismissed') AND NEW.question IS NOT NULL
BEGIN
  INSERT INTO survey_questions_hourly (site, survey, question, hour, path, device, answered, dismissed)
  VALUES (NEW.site, NEW.survey, NEW.question, NEW.hour, NEW.path, NEW.device,
    NEW.type = 'survey_answer', NEW.type = 'survey_dismissed')
  ON CONFLICT (site, survey, question, hour, path, device) DO UPDATE SET
    answered = answered + excluded.answered, dismissed = dismissed + excluded.dismissed;
END;

CREATE TRIGGER events_survey_questions_remove AFTER DELETE ON events
WHEN OLD.type IN ('survey_answer', 'survey_dismissed') AND OLD.question IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE survey_questions_hourly SET
    answered = answered - (OLD.type = 'survey_answer'), dismissed = dismissed - (OLD.type = 'survey_dismissed')
  WHERE site = OLD.site AND survey = OLD.survey AND question = OLD.question AND hour = OLD.hour
    AND path = OLD.path AND device = OLD.device;
END;

CREATE TRIGGER events_survey_responses_add AFTER INSERT ON events
WHEN NEW.type = 'survey_answer'
BEGIN
  INSERT INTO survey_responses (site, response, survey, hour, path, device, answers)
  VALUES (NEW.site, NEW.response, NEW.survey, NEW.hour, NEW.path, NEW.device, 1)
  ON CONFLICT (site, response) DO UPDATE SET answers = answers + 1;
END;

CREATE TRIGGER events_survey_responses_remove AFTER DELETE ON events
WHEN OLD.type = 'survey_answer' AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE survey_responses SET answers = answers - 1 WHERE site = OLD.site AND response = OLD.response;
  DELETE FROM survey_responses WHERE site = OLD.site AND response = OLD.response AND answers <= 0;
END;

CREATE TRIGGER survey_responses_add AFTER INSERT ON survey_responses
BEGIN
  INSERT INTO survey_hourly (site, survey, hour, path, device, started)
  VALUES (NEW.site, NEW.survey, NEW.hour, NEW.path, NEW.device, 1)
  ON CONFLICT (site, survey, hour, path, device) DO UPDATE SET started = started + 1;
END;

CREATE TRIGGER survey_responses_remove AFTER DELETE ON survey_responses
WHEN NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE survey_hourly SET started = started - 1
  WHERE site = OLD.site AND survey = OLD.survey AND hour = OLD.hour AND path = OLD.path AND device = OLD.device;
END;
