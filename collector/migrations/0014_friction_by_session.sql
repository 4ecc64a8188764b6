-- Friction events by session and capture time, for the impact stats: whether an answer's session met friction
-- before it. Partial, so that no other event pays for it; its list is FRICTION_SIGNALS in order (checked by
-- test/trigger-lists.test.ts), which the impact queries repeat word for word so that SQLite may use the index.
CREATE INDEX events_friction_session ON events (site, session, ts)
WHERE type IN ('rage_click', 'dead_click', 'error_click', 'js_error', 'form_abandon', 'quick_back', 'excessive_scroll');
