-- Events the consumer could not store, one row each with the reason: an event that fails its insert beside good
-- ones (a poison event), or one of a delivery that the Queue dead-lettered. Nothing accepted is ever dropped: an
-- admin lists and replays these rows, and erasure and retention reach them as they reach `events`.
CREATE TABLE quarantine (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  visitor TEXT NOT NULL,
  user TEXT,
  ts INTEGER NOT NULL,
  received INTEGER NOT NULL,
  event TEXT NOT NULL,
  reason TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  quarantined_at INTEGER NOT NULL,
  PRIMARY KEY (site, id)
);

CREATE INDEX quarantine_site_visitor ON quarantine (site, visitor);

-- `stats/ingest` counts the events held in quarantine, in the hour they were received; a replay that stores one
-- moves it from `quarantined` to `stored`.
ALTER TABLE ingest_hourly ADD COLUMN quarantined INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER quarantine_add AFTER INSERT ON quarantine
BEGIN
  INSERT INTO ingest_hourly (site, hour, quarantined) VALUES (NEW.site, NEW.received / 3600000, 1)
  ON CONFLICT (site, hour) DO UPDATE SET quarantined = quarantined + 1;
END;

CREATE TRIGGER quarantine_remove AFTER DELETE ON quarantine
BEGIN
  UPDATE ingest_hourly SET quarantined = quarantined - 1 WHERE site = OLD.site AND hour = OLD.received / 3600000;
END;
