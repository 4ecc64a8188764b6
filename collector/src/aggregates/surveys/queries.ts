import { type RollupFilters, rollupFilter } from '../rollupFilter';
import { bucketSql, type StatsWindow } from '../window';

/** A survey's funnel counts: showings, responses started and completed, dismissals. */
export interface SurveyCounts {
  shown: number;
  started: number;
  completed: number;
  dismissed: number;
}

/** One question's answers and the dismissals made while it was on screen. */
export interface QuestionCounts {
  survey: string;
  question: string;
  answered: number;
  dismissed: number;
}

const SUMS = 'SUM(shown) AS shown, SUM(started) AS started, SUM(completed) AS completed, SUM(dismissed) AS dismissed';

/**
 * The survey funnel over a window, per survey and question, and per interval when the window asks for a series.
 * Reads the hourly rollups only: rows grow with hours × paths × devices, never with traffic.
 */
export const surveyCounts = async (db: D1Database, site: string, window: StatsWindow, filters: RollupFilters) => {
  const { where, bindings } = rollupFilter(site, window, filters, ['survey', 'path', 'device']);
  const statements = [
    db
      .prepare(`SELECT survey, ${SUMS} FROM survey_hourly WHERE ${where} GROUP BY survey ORDER BY survey`)
      .bind(...bindings),
    db
      .prepare(
        `SELECT survey, question, SUM(answered) AS answered, SUM(dismissed) AS dismissed FROM survey_questions_hourly
         WHERE ${where} GROUP BY survey, question`,
      )
      .bind(...bindings),
  ];
  if (window.interval)
    statements.push(
      db
        .prepare(
          `SELECT ${bucketSql(window.interval)} AS bucket, survey, ${SUMS} FROM survey_hourly WHERE ${where}
           GROUP BY bucket, survey ORDER BY bucket`,
        )
        .bind(...bindings),
    );
  const [totals, questions, series] = await db.batch(statements);
  return {
    totals: totals!.results as (SurveyCounts & { survey: string })[],
    questions: questions!.results as QuestionCounts[],
    series: series?.results as (SurveyCounts & { survey: string; bucket: number })[] | undefined,
  };
};
