-- The impact stats read a window's answers and their sessions' friction from these two indexes alone, never from the
-- events table, whose rows lie scattered: covering indexes. The answers' index holds every column the impact query
-- reads or filters by; the friction index, still partial on FRICTION_SIGNALS in order (test/trigger-lists.test.ts),
-- now also holds each event's type, page and element.
CREATE INDEX events_site_answers_scores ON events (site, ts, kind, value, session, id, type, survey, path, device)
WHERE type = 'survey_answer';

DROP INDEX events_friction_session;

CREATE INDEX events_friction_session ON events (site, session, ts, type, path, target)
WHERE type IN ('rage_click', 'dead_click', 'error_click', 'js_error', 'form_abandon', 'quick_back', 'excessive_scroll');
