import { type RollupFilters, rollupFilter } from '../rollupFilter';
import type { BreakdownKind, SegmentSelection } from '../segments/segmentQuery';
import { segmentRows } from '../segments/segmentRows';
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

/** A survey's funnel counts in one group of a breakdown. */
export type GroupCounts = SurveyCounts & { survey: string; value: string };

/**
 * The survey funnel over a window, per survey and question, and per interval when the window asks for a series.
 * With a segment filter, the segment's funnel (`segment_surveys_hourly`); with `by`, each survey's funnel per group.
 * Reads the hourly rollups only: rows grow with hours × paths × devices (× segment values), never with traffic.
 */
export const surveyCounts = async (
  db: D1Database,
  site: string,
  window: StatsWindow,
  filters: RollupFilters,
  segment?: SegmentSelection,
  by?: BreakdownKind,
) => {
  const base = rollupFilter(site, window, filters, ['survey', 'path', 'device']);
  const only = segment?.value !== undefined ? segmentRows(segment) : undefined;
  const where = only ? `${base.where} AND ${only.where}` : base.where;
  const bindings = only ? [...base.bindings, ...only.bindings] : base.bindings;
  const funnel = only ? 'segment_surveys_hourly' : 'survey_hourly';
  const perQuestion = only ? 'segment_survey_questions_hourly' : 'survey_questions_hourly';
  const statements = [
    db
      .prepare(`SELECT survey, ${SUMS} FROM ${funnel} WHERE ${where} GROUP BY survey ORDER BY survey`)
      .bind(...bindings),
    db
      .prepare(
        `SELECT survey, question, SUM(answered) AS answered, SUM(dismissed) AS dismissed FROM ${perQuestion}
         WHERE ${where} GROUP BY survey, question`,
      )
      .bind(...bindings),
  ];
  if (window.interval)
    statements.push(
      db
        .prepare(
          `SELECT ${bucketSql(window.interval)} AS bucket, survey, ${SUMS} FROM ${funnel} WHERE ${where}
           GROUP BY bucket, survey ORDER BY bucket`,
        )
        .bind(...bindings),
    );
  if (by === 'segment' && segment) {
    const rows = segmentRows(segment);
    statements.push(
      db
        .prepare(
          `SELECT survey, value, ${SUMS} FROM segment_surveys_hourly WHERE ${base.where} AND ${rows.where}
           GROUP BY survey, value ORDER BY survey, value`,
        )
        .bind(...base.bindings, ...rows.bindings),
    );
  } else if (by === 'device' || by === 'path')
    statements.push(
      db
        .prepare(
          `SELECT survey, ${by} AS value, ${SUMS} FROM ${funnel} WHERE ${where}
           GROUP BY survey, ${by} ORDER BY survey, ${by}`,
        )
        .bind(...bindings),
    );
  const [totals, questions, ...more] = await db.batch(statements);
  return {
    totals: totals!.results as (SurveyCounts & { survey: string })[],
    questions: questions!.results as QuestionCounts[],
    series: window.interval
      ? (more.shift()!.results as (SurveyCounts & { survey: string; bucket: number })[])
      : undefined,
    groups: by ? (more.shift()!.results as GroupCounts[]) : undefined,
  };
};
