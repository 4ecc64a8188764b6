-- The column that holds an answer's value or a web vital's value is called value, as on the wire: "score" named only
-- answers, and a vital is no score (README, Wire protocol: glossary). SQLite rewrites every trigger that reads it.
ALTER TABLE events RENAME COLUMN score TO value;
