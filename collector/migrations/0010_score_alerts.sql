-- Alerts fired, per site, rule and key (a survey's score), so that a rule's cool-down keeps it from repeating.
CREATE TABLE webhook_alerts (
  site TEXT NOT NULL,
  rule TEXT NOT NULL,
  key TEXT NOT NULL,
  fired_at INTEGER NOT NULL,
  PRIMARY KEY (site, rule, key)
) WITHOUT ROWID;
