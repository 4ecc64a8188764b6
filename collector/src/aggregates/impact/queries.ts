import { sqlList } from '../../lib/sqlList';
import { frictionBefore } from '../friction/frictionBefore';
import { worstElements } from '../friction/queries';
import { ELEMENT_SIGNALS, type ElementRow } from '../friction/signals';
import { keyFilter, type RollupFilters } from '../rollupFilter';
import { type StatsWindow, windowMillis } from '../window';
import { type AnswerFriction, SCORE_KINDS } from './impact';

/** A friction event `f` of the answer's session captured before the answer. */
const BEFORE_ANSWER = frictionBefore('answers');

/**
 * The window's answers grouped by kind, value and the friction their session met before them (the signals, and the
 * elements of its rage, dead and error clicks), in one pass: each answer is classed by capture times, never by the
 * order in which events arrived, and an erased respondent's events are gone from both sides. Also the worst elements,
 * computed once: the fold keeps the answers' elements that are among them. Reads the window's answers
 * (`events_site_answers_scores`, materialised so that the grouping walks them rather than every event), their
 * sessions' friction (`events_friction_session`), both covering indexes, and the element rollups.
 */
export const impactCounts = async (db: D1Database, site: string, window: StatsWindow, filters: RollupFilters) => {
  const key = keyFilter(site, filters, ['survey', 'path', 'device']);
  const elementKey = keyFilter(site, filters, ['path', 'device']);
  const worst = worstElements(window, elementKey.where, elementKey.bindings);
  const [answers, elements] = await db.batch([
    db
      .prepare(
        `WITH answers AS MATERIALIZED (SELECT id, site, session, ts, kind, value FROM events
           WHERE ${key.where} AND type = 'survey_answer' AND ts >= ? AND ts < ? AND kind IN (${sqlList(SCORE_KINDS)}))
         SELECT kind, value, signals, elements, COUNT(*) AS n FROM (
           SELECT answers.kind AS kind, answers.value AS value, group_concat(f.type, char(31)) AS signals,
             group_concat(CASE WHEN f.type IN (${sqlList(ELEMENT_SIGNALS)}) THEN f.path || char(30) || f.target END,
               char(31)) AS elements
           FROM answers LEFT JOIN events f ON ${BEFORE_ANSWER} GROUP BY answers.id)
         GROUP BY kind, value, signals, elements`,
      )
      .bind(...key.bindings, ...windowMillis(window)),
    db.prepare(worst.sql).bind(...worst.bindings),
  ]);
  return { answers: answers!.results as AnswerFriction[], elements: elements!.results as ElementRow[] };
};
