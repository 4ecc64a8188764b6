-- Segments: the trait keys a site breaks its scores down by, and the scores per segment.
ALTER TABLE sites ADD COLUMN segments TEXT NOT NULL DEFAULT '[]';

-- NPS, CSAT and CES answers per segment value, as the score rollups count them per score (s0 to s10; CSAT uses s1
-- to s5, CES s1 to s7): one row per kind, segment (`locale`, `visitor`, `trait.<key>`), hour, value, survey, path
-- and device. The segments of an answer are computed in TypeScript as it is stored (`data.segments`, from
-- src/aggregates/segments/segmentsOf.ts); the triggers only count by them.
CREATE TABLE segment_scores_hourly (
  site TEXT NOT NULL,
  kind TEXT NOT NULL,
  segment TEXT NOT NULL,
  hour INTEGER NOT NULL,
  value TEXT NOT NULL,
  survey TEXT NOT NULL,
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
  -- Always 0: the NPS rollup's columns for answers counted by class only (0007), which no segment row has.
  legacy_promoters INTEGER NOT NULL DEFAULT 0,
  legacy_passives INTEGER NOT NULL DEFAULT 0,
  legacy_detractors INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site, kind, segment, hour, value, survey, path, device)
) WITHOUT ROWID;

CREATE TRIGGER events_segment_scores_add AFTER INSERT ON events
WHEN NEW.type = 'survey_answer' AND NEW.kind IN ('nps', 'csat', 'ces') AND json_type(NEW.data, '$.segments') = 'object'
BEGIN
  INSERT INTO segment_scores_hourly (site, kind, segment, hour, value, survey, path, device, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10)
  SELECT NEW.site, NEW.kind, s.key, NEW.hour, s.value, NEW.survey, NEW.path, NEW.device,
    NEW.value = 0, NEW.value = 1, NEW.value = 2, NEW.value = 3, NEW.value = 4, NEW.value = 5, NEW.value = 6, NEW.value = 7, NEW.value = 8, NEW.value = 9, NEW.value = 10
  FROM json_each(NEW.data, '$.segments') AS s WHERE s.type = 'text'
  ON CONFLICT (site, kind, segment, hour, value, survey, path, device) DO UPDATE SET
    s0 = s0 + excluded.s0,
    s1 = s1 + excluded.s1,
    s2 = s2 + excluded.s2,
    s3 = s3 + excluded.s3,
    s4 = s4 + excluded.s4,
    s5 = s5 + excluded.s5,
    s6 = s6 + excluded.s6,
    s7 = s7 + excluded.s7,
    s8 = s8 + excluded.s8,
    s9 = s9 + excluded.s9,
    s10 = s10 + excluded.s10;
END;

CREATE TRIGGER events_segment_scores_remove AFTER DELETE ON events
WHEN OLD.type = 'survey_answer' AND OLD.kind IN ('nps', 'csat', 'ces') AND json_type(OLD.data, '$.segments') = 'object'
  AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE segment_scores_hourly SET
    s0 = s0 - (OLD.value = 0), s1 = s1 - (OLD.value = 1), s2 = s2 - (OLD.value = 2), s3 = s3 - (OLD.value = 3), s4 = s4 - (OLD.value = 4), s5 = s5 - (OLD.value = 5), s6 = s6 - (OLD.value = 6), s7 = s7 - (OLD.value = 7), s8 = s8 - (OLD.value = 8), s9 = s9 - (OLD.value = 9), s10 = s10 - (OLD.value = 10)
  WHERE site = OLD.site AND kind = OLD.kind AND hour = OLD.hour AND survey = OLD.survey AND path = OLD.path
    AND device = OLD.device
    AND (segment, value) IN (SELECT key, value FROM json_each(OLD.data, '$.segments') WHERE type = 'text');
END;
