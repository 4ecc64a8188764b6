-- NPS answers are rolled up per score, 0 to 10, as CSAT and CES are, so that the rule that classes them (9 and 10
-- promoters, 7 and 8 passives, 0 to 6 detractors) lives in TypeScript (src/stats/nps.ts) and nowhere in SQL.
-- The table is rebuilt with a column per score. Its counts come from the raw answers still stored; answers that
-- were rolled up by class before this migration and whose raw events retention has since deleted have no score any
-- more, so they are kept by class, in the legacy_ columns, and every aggregate stays what it was.
CREATE TABLE nps_scores_hourly (
  site TEXT NOT NULL,
  survey TEXT NOT NULL,
  hour INTEGER NOT NULL,
  path TEXT NOT NULL,
  device TEXT NOT NULL,
  s0 INTEGER NOT NULL DEFAULT 0,
  s1 INTEGER NOT NULL DEFAULT 0,
  s2 INTEGER NOT NULL DEFAULT 0,
  s3 INTEGER NOT NULL DEFAULT 0,
  s4 INTEGER NOT NULL DEFAULT 0,
  s5 INTEGER NOT NULL DEFAULT 0,
  s6 INTEGER NOT NULL DEFAULT 0,
  s7 INTEGER NOT NULL DEFAULT 0,
  s8 INTEGER NOT NULL DEFAULT 0,
  s9 INTEGER NOT NULL DEFAULT 0,
  s10 INTEGER NOT NULL DEFAULT 0,
  legacy_promoters INTEGER NOT NULL DEFAULT 0,
  legacy_passives INTEGER NOT NULL DEFAULT 0,
  legacy_detractors INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site, survey, hour, path, device)
) WITHOUT ROWID;

INSERT INTO nps_scores_hourly (site, survey, hour, path, device, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10)
SELECT site, survey, hour, path, device,
  SUM(score = 0),
  SUM(score = 1),
  SUM(score = 2),
  SUM(score = 3),
  SUM(score = 4),
  SUM(score = 5),
  SUM(score = 6),
  SUM(score = 7),
  SUM(score = 8),
  SUM(score = 9),
  SUM(score = 10)
FROM events
WHERE type = 'survey_answer' AND kind = 'nps'
GROUP BY site, survey, hour, path, device;

-- What the raw answers no longer explain: the answers whose events retention deleted, by class.
INSERT INTO nps_scores_hourly (site, survey, hour, path, device, legacy_promoters, legacy_passives, legacy_detractors)
SELECT h.site, h.survey, h.hour, h.path, h.device,
  h.promoters - COALESCE(s.s9 + s.s10, 0),
  h.passives - COALESCE(s.s7 + s.s8, 0),
  h.detractors - COALESCE(s.s0 + s.s1 + s.s2 + s.s3 + s.s4 + s.s5 + s.s6, 0)
FROM nps_hourly h
LEFT JOIN nps_scores_hourly s
  ON s.site = h.site AND s.survey = h.survey AND s.hour = h.hour AND s.path = h.path AND s.device = h.device
WHERE h.promoters <> COALESCE(s.s9 + s.s10, 0)
  OR h.passives <> COALESCE(s.s7 + s.s8, 0)
  OR h.detractors <> COALESCE(s.s0 + s.s1 + s.s2 + s.s3 + s.s4 + s.s5 + s.s6, 0)
ON CONFLICT (site, survey, hour, path, device) DO UPDATE SET
  legacy_promoters = excluded.legacy_promoters,
  legacy_passives = excluded.legacy_passives,
  legacy_detractors = excluded.legacy_detractors;

DROP TRIGGER events_rollup_nps;
DROP TRIGGER events_unroll_nps;
DROP TABLE nps_hourly;
ALTER TABLE nps_scores_hourly RENAME TO nps_hourly;
CREATE INDEX nps_hourly_site_hour ON nps_hourly (site, hour);

CREATE TRIGGER events_rollup_nps AFTER INSERT ON events
WHEN NEW.type = 'survey_answer' AND NEW.kind = 'nps'
BEGIN
  INSERT INTO nps_hourly (site, survey, hour, path, device, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10)
  VALUES (NEW.site, NEW.survey, NEW.hour, NEW.path, NEW.device,
    NEW.score = 0, NEW.score = 1, NEW.score = 2, NEW.score = 3, NEW.score = 4, NEW.score = 5,
    NEW.score = 6, NEW.score = 7, NEW.score = 8, NEW.score = 9, NEW.score = 10)
  ON CONFLICT (site, survey, hour, path, device) DO UPDATE SET
    s0 = s0 + excluded.s0, s1 = s1 + excluded.s1, s2 = s2 + excluded.s2, s3 = s3 + excluded.s3,
    s4 = s4 + excluded.s4, s5 = s5 + excluded.s5, s6 = s6 + excluded.s6, s7 = s7 + excluded.s7,
    s8 = s8 + excluded.s8, s9 = s9 + excluded.s9, s10 = s10 + excluded.s10;
END;

CREATE TRIGGER events_unroll_nps AFTER DELETE ON events
WHEN OLD.type = 'survey_answer' AND OLD.kind = 'nps' AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE nps_hourly SET
    s0 = s0 - (OLD.score = 0), s1 = s1 - (OLD.score = 1), s2 = s2 - (OLD.score = 2), s3 = s3 - (OLD.score = 3),
    s4 = s4 - (OLD.score = 4), s5 = s5 - (OLD.score = 5), s6 = s6 - (OLD.score = 6), s7 = s7 - (OLD.score = 7),
    s8 = s8 - (OLD.score = 8), s9 = s9 - (OLD.score = 9), s10 = s10 - (OLD.score = 10)
  WHERE site = OLD.site AND survey = OLD.survey AND hour = OLD.hour AND path = OLD.path AND device = OLD.device;
END;
