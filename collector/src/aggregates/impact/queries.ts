import { frictionBefore } from '../friction/frictionBefore';
import { worstElements } from '../friction/queries';
import { ELEMENT_SIGNALS, type ElementRow } from '../friction/signals';
import { keyFilter, type RollupFilters } from '../rollupFilter';
import type { StatsWindow } from '../window';
import { SCORE_KINDS, type ScoreRow } from './impact';

const HOUR = 3_600_000;

const list = (items: readonly string[]) => items.map((item) => `'${item}'`).join(', ');

/** A friction event `f` of the answer's session captured before the answer. */
const BEFORE_ANSWER = frictionBefore('answers');

/**
 * Answers of the window by kind and value: overall, split by whether their session met any friction signal before
 * the answer; for each signal, those whose session met that one; for each of the worst elements, those whose
 * session met a rage, dead or error click on it. Each answer is classed by capture times, never by the order in
 * which events arrived, and an erased respondent's events are gone from both sides. Reads the window's answers
 * (`events_site_answers`), their sessions' friction (`events_friction_session`), and the element rollups.
 */
export const impactCounts = async (db: D1Database, site: string, window: StatsWindow, filters: RollupFilters) => {
  const key = keyFilter(site, filters, ['survey', 'path', 'device']);
  const answers = {
    sql: `WITH answers AS (SELECT id, site, session, ts, kind, value FROM events
      WHERE ${key.where} AND type = 'survey_answer' AND ts >= ? AND ts < ? AND kind IN (${list(SCORE_KINDS)}))`,
    bindings: [...key.bindings, window.fromHour * HOUR, window.toHour * HOUR],
  };
  const elementKey = keyFilter(site, filters, ['path', 'device']);
  const worst = worstElements(window, elementKey.where, elementKey.bindings);
  const [overall, bySignal, elements, byElement] = await db.batch([
    db
      .prepare(
        `${answers.sql} SELECT kind, value, EXISTS (SELECT 1 FROM events f WHERE ${BEFORE_ANSWER}) AS friction,
           COUNT(*) AS n FROM answers GROUP BY kind, value, friction`,
      )
      .bind(...answers.bindings),
    db
      .prepare(
        `${answers.sql} SELECT answers.kind AS kind, answers.value AS value, f.type AS signal,
           COUNT(DISTINCT answers.id) AS n
         FROM answers JOIN events f ON ${BEFORE_ANSWER} GROUP BY answers.kind, answers.value, f.type`,
      )
      .bind(...answers.bindings),
    db.prepare(worst.sql).bind(...worst.bindings),
    db
      .prepare(
        // A membership test, not a join: SQLite would loop over the worst elements outside the answers.
        `${answers.sql}, worst AS (${worst.sql})
         SELECT answers.kind AS kind, answers.value AS value, f.path AS path, f.target AS target,
           COUNT(DISTINCT answers.id) AS n
         FROM answers JOIN events f ON ${BEFORE_ANSWER} AND f.type IN (${list(ELEMENT_SIGNALS)})
         WHERE (f.path, f.target) IN (SELECT path, target FROM worst)
         GROUP BY answers.kind, answers.value, f.path, f.target`,
      )
      .bind(...answers.bindings, ...worst.bindings),
  ]);
  return {
    overall: overall!.results as (ScoreRow & { friction: number })[],
    bySignal: bySignal!.results as (ScoreRow & { signal: string })[],
    elements: elements!.results as ElementRow[],
    byElement: byElement!.results as (ScoreRow & { path: string; target: string })[],
  };
};
