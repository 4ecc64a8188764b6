-- A rage click is one burst of clicks, counted once; how many clicks the burst had (its `count`, kept in `data`) rolls
-- up beside it in friction_hourly, and through its triggers friction_daily: the rows of type rage_click.clicks sum the
-- clicks of the bursts whose clicks are known, and those of type rage_click.bursts count those bursts. Backfilled from
-- the events still stored: a burst whose raw event retention had deleted stays a rage click, its clicks unknown.
INSERT INTO friction_hourly (site, hour, path, device, type, count)
SELECT site, hour, path, device, 'rage_click.clicks', SUM(json_extract(data, '$.count')) FROM events
WHERE type = 'rage_click' AND json_extract(data, '$.count') > 0
GROUP BY site, hour, path, device;

INSERT INTO friction_hourly (site, hour, path, device, type, count)
SELECT site, hour, path, device, 'rage_click.bursts', COUNT(*) FROM events
WHERE type = 'rage_click' AND json_extract(data, '$.count') > 0
GROUP BY site, hour, path, device;

CREATE TRIGGER events_rage_click_bursts_add AFTER INSERT ON events
WHEN NEW.type = 'rage_click' AND json_extract(NEW.data, '$.count') > 0
BEGIN
  INSERT INTO friction_hourly (site, hour, path, device, type, count)
  VALUES (NEW.site, NEW.hour, NEW.path, NEW.device, 'rage_click.clicks', json_extract(NEW.data, '$.count'))
  ON CONFLICT (site, hour, path, device, type) DO UPDATE SET count = count + excluded.count;
  INSERT INTO friction_hourly (site, hour, path, device, type, count)
  VALUES (NEW.site, NEW.hour, NEW.path, NEW.device, 'rage_click.bursts', 1)
  ON CONFLICT (site, hour, path, device, type) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER events_rage_click_bursts_remove AFTER DELETE ON events
WHEN OLD.type = 'rage_click' AND json_extract(OLD.data, '$.count') > 0 AND NOT EXISTS (SELECT 1 FROM retention_sweep)
BEGIN
  UPDATE friction_hourly SET count = count - json_extract(OLD.data, '$.count')
  WHERE site = OLD.site AND hour = OLD.hour AND path = OLD.path AND device = OLD.device AND type = 'rage_click.clicks';
  UPDATE friction_hourly SET count = count - 1
  WHERE site = OLD.site AND hour = OLD.hour AND path = OLD.path AND device = OLD.device AND type = 'rage_click.bursts';
  DELETE FROM friction_hourly
  WHERE site = OLD.site AND hour = OLD.hour AND path = OLD.path AND device = OLD.device
    AND type IN ('rage_click.clicks', 'rage_click.bursts') AND count <= 0;
END;
