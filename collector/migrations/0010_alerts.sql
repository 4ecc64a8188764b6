-- Alerts fired, per site, rule and key (a survey's score), so that a rule's cool-down keeps it from repeating.
CREATE TABLE webhook_alerts (
  site TEXT NOT NULL,
  rule TEXT NOT NULL,
  key TEXT NOT NULL,
  fired_at INTEGER NOT NULL,
  PRIMARY KEY (site, rule, key)
) WITHOUT ROWID;

-- A site's overrides of the alert rules' minimums, levels and cool-downs (the admin API's `alerts`).
ALTER TABLE sites ADD COLUMN alert_settings TEXT NOT NULL DEFAULT '{}';
