-- Friction counts and element counts per day, beside the hourly ones, so that a long window reads its whole days
-- here and only the hours at its edges from the hourly tables. Each daily table follows its hourly table through
-- triggers on that table, so a day's row always holds the sum of the day's hourly rows: whatever adds or
-- subtracts hourly counts (new events, erasure) reaches the day, and retention, which leaves rollups alone,
-- leaves both alone.

CREATE TABLE friction_daily (
  site TEXT NOT NULL,
  day INTEGER NOT NULL,
  path TEXT NOT NULL,
  device TEXT NOT NULL,
  type TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (site, day, path, device, type)
) WITHOUT ROWID;

INSERT INTO friction_daily (site, day, path, device, type, count)
SELECT site, hour / 24, path, device, type, SUM(count) FROM friction_hourly
GROUP BY site, hour / 24, path, device, type;

CREATE TRIGGER friction_hourly_add AFTER INSERT ON friction_hourly
BEGIN
  INSERT INTO friction_daily (site, day, path, device, type, count)
  VALUES (NEW.site, NEW.hour / 24, NEW.path, NEW.device, NEW.type, NEW.count)
  ON CONFLICT (site, day, path, device, type) DO UPDATE SET count = count + excluded.count;
END;

CREATE TRIGGER friction_hourly_move AFTER UPDATE OF count ON friction_hourly
BEGIN
  UPDATE friction_daily SET count = count + NEW.count - OLD.count
  WHERE site = NEW.site AND day = NEW.hour / 24 AND path = NEW.path AND device = NEW.device AND type = NEW.type;
  DELETE FROM friction_daily
  WHERE site = NEW.site AND day = NEW.hour / 24 AND path = NEW.path AND device = NEW.device AND type = NEW.type
    AND count <= 0;
END;

CREATE TRIGGER friction_hourly_remove AFTER DELETE ON friction_hourly
BEGIN
  UPDATE friction_daily SET count = count - OLD.count
  WHERE site = OLD.site AND day = OLD.hour / 24 AND path = OLD.path AND device = OLD.device AND type = OLD.type;
  DELETE FROM friction_daily
  WHERE site = OLD.site AND day = OLD.hour / 24 AND path = OLD.path AND device = OLD.device AND type = OLD.type
    AND count <= 0;
END;

CREATE TABLE friction_elements_daily (
  site TEXT NOT NULL,
  day INTEGER NOT NULL,
  path TEXT NOT NULL,
  device TEXT NOT NULL,
  target TEXT NOT NULL,
  type TEXT NOT NULL,
  count INTEGER NOT NULL,
  label TEXT,
  PRIMARY KEY (site, day, path, device, target, type)
) WITHOUT ROWID;

INSERT INTO friction_elements_daily (site, day, path, device, target, type, count, label)
SELECT site, hour / 24, path, device, target, type, SUM(count), MAX(label) FROM friction_elements
GROUP BY site, hour / 24, path, device, target, type;

CREATE TRIGGER friction_elements_add AFTER INSERT ON friction_elements
BEGIN
  INSERT INTO friction_elements_daily (site, day, path, device, target, type, count, label)
  VALUES (NEW.site, NEW.hour / 24, NEW.path, NEW.device, NEW.target, NEW.type, NEW.count, NEW.label)
  ON CONFLICT (site, day, path, device, target, type) DO UPDATE SET
    count = count + excluded.count,
    label = coalesce(excluded.label, label);
END;

CREATE TRIGGER friction_elements_move AFTER UPDATE ON friction_elements
BEGIN
  UPDATE friction_elements_daily SET count = count + NEW.count - OLD.count, label = coalesce(NEW.label, label)
  WHERE site = NEW.site AND day = NEW.hour / 24 AND path = NEW.path AND device = NEW.device
    AND target = NEW.target AND type = NEW.type;
  DELETE FROM friction_elements_daily
  WHERE site = NEW.site AND day = NEW.hour / 24 AND path = NEW.path AND device = NEW.device
    AND target = NEW.target AND type = NEW.type AND count <= 0;
END;

CREATE TRIGGER friction_elements_remove AFTER DELETE ON friction_elements
BEGIN
  UPDATE friction_elements_daily SET count = count - OLD.count
  WHERE site = OLD.site AND day = OLD.hour / 24 AND path = OLD.path AND device = OLD.device
    AND target = OLD.target AND type = OLD.type;
  DELETE FROM friction_elements_daily
  WHERE site = OLD.site AND day = OLD.hour / 24 AND path = OLD.path AND device = OLD.device
    AND target = OLD.target AND type = OLD.type AND count <= 0;
END;
